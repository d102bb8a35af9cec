//! Tables: column widths, a shaded header row that is repeated on every
//! page a table runs onto, and rows that move to the next page rather than
//! split unless they are taller than a page.

use pdf_writer::types::{ArtifactType, StructRole, TableHeaderScope};
use pdf_writer::{Name, Str};

use super::fonts::{Font, Weight};
use super::layout::{CELL_SIZE, HEADING_SIZE, Layout, MARGIN, SUBTITLE_SIZE};
use super::structure::ROOT;
use super::wrap::wrap;
use crate::model::Table;

const CELL_LEADING: f32 = 10.5;
const CELL_PADDING: f32 = 3.0;
const HEADER_SHADE: f32 = 0.9;

impl Layout {
    /// Each column's share of the width, widened where it can be so that
    /// no word has to break (a column never takes more than a third of the
    /// page for that), the others narrowed to make room.
    fn column_widths(&self, table: &Table) -> Vec<f32> {
        let usable = self.usable_width();
        let total: f32 = table
            .columns
            .iter()
            .map(|c| f32::from(c.width.max(1)))
            .sum();
        let shares: Vec<f32> = table
            .columns
            .iter()
            .map(|c| usable * f32::from(c.width.max(1)) / total.max(1.0))
            .collect();
        let needs: Vec<f32> = table
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let cells = table
                    .rows
                    .iter()
                    .filter_map(|row| row.get(i))
                    .map(|text| longest_word(&self.regular, text))
                    .fold(0.0, f32::max);
                let need = longest_word(&self.bold, &column.header).max(cells);
                (need + 2.0 * CELL_PADDING + 0.5).min(usable / 3.0)
            })
            .collect();
        let mut widths: Vec<f32> = shares.iter().zip(&needs).map(|(s, n)| s.max(*n)).collect();
        let excess = widths.iter().sum::<f32>() - usable;
        if excess > 0.0 {
            let slack: Vec<f32> = widths.iter().zip(&needs).map(|(w, n)| w - n).collect();
            let total_slack: f32 = slack.iter().sum();
            if total_slack < excess {
                return shares;
            }
            for (width, slack) in widths.iter_mut().zip(&slack) {
                *width -= slack * excess / total_slack;
            }
        }
        widths
    }

    /// A table under its heading (`H2`), tagged as a table whose header
    /// row names the columns and, if the table says so, whose first cells
    /// name the rows; or the table's message for no rows.
    pub(super) fn table(&mut self, table: &Table) {
        let widths = self.column_widths(table);
        let headers: Vec<Vec<String>> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(column, width)| {
                wrap(
                    &self.bold,
                    &column.header,
                    CELL_SIZE,
                    width - 2.0 * CELL_PADDING,
                )
            })
            .collect();
        let header_height = row_height(&headers);
        // The heading, the header row and one line of a row stay together.
        let heading_height = HEADING_SIZE * 1.3 + 4.0;
        if self.y - heading_height - header_height - row_height(&[vec![String::new()]])
            < self.bottom()
        {
            self.new_page();
        }
        self.block(
            StructRole::H2,
            Weight::Bold,
            HEADING_SIZE,
            &table.heading,
            4.0,
        );
        if table.rows.is_empty() {
            self.block(
                StructRole::P,
                Weight::Regular,
                SUBTITLE_SIZE,
                &table.empty,
                0.0,
            );
            return;
        }
        let table_element = self.structure.add(StructRole::Table, ROOT);
        let header_row = self.structure.add(StructRole::TR, table_element);
        let header_cells: Vec<usize> = headers
            .iter()
            .map(|_| {
                self.structure
                    .add_header(header_row, TableHeaderScope::Column)
            })
            .collect();
        self.header_row(&widths, &headers, &header_cells);

        for row in &table.rows {
            let cells: Vec<Vec<String>> = widths
                .iter()
                .enumerate()
                .map(|(i, width)| {
                    let text = row.get(i).map(String::as_str).unwrap_or("");
                    wrap(&self.regular, text, CELL_SIZE, width - 2.0 * CELL_PADDING)
                })
                .collect();
            let row_element = self.structure.add(StructRole::TR, table_element);
            let cell_elements: Vec<usize> = (0..cells.len())
                .map(|i| {
                    if table.row_headers && i == 0 {
                        self.structure
                            .add_header(row_element, TableHeaderScope::Row)
                    } else {
                        self.structure.add(StructRole::TD, row_element)
                    }
                })
                .collect();
            self.body_row(&widths, &cells, &cell_elements, &headers);
        }
    }

    /// The header row, shaded; drawn again at the top of each page a table
    /// runs onto (the repeats are artifacts: the structure has it once).
    fn header_row(&mut self, widths: &[f32], headers: &[Vec<String>], cells: &[usize]) {
        let height = row_height(headers);
        let top = self.y;
        {
            let width = self.usable_width();
            let (_, page) = self.page();
            let content = &mut page.content;
            content.begin_marked_content(Name(b"Artifact"));
            content.save_state();
            content.set_fill_gray(HEADER_SHADE);
            content.rect(MARGIN, top - height, width, height);
            content.fill_nonzero();
            content.restore_state();
            content.end_marked_content();
        }
        let mut x = MARGIN;
        for ((width, lines), cell) in widths.iter().zip(headers).zip(cells) {
            let placed = placed_lines(top, lines);
            self.lines(*cell, Weight::Bold, CELL_SIZE, x + CELL_PADDING, &placed);
            x += width;
        }
        self.y = top - height;
        self.rule();
    }

    /// A repeat of the header row on a new page, marked as an artifact.
    fn repeat_header_row(&mut self, widths: &[f32], headers: &[Vec<String>]) {
        let height = row_height(headers);
        let top = self.y;
        let width = self.usable_width();
        let encoded: Vec<Vec<(f32, Vec<u8>)>> = headers
            .iter()
            .map(|lines| {
                placed_lines(top, lines)
                    .into_iter()
                    .map(|(y, text)| (y, self.bold.encode(text)))
                    .collect()
            })
            .collect();
        let resource = self.bold.resource;
        let (_, page) = self.page();
        let content = &mut page.content;
        content
            .begin_marked_content_with_properties(Name(b"Artifact"))
            .properties()
            .artifact()
            .kind(ArtifactType::Pagination);
        content.save_state();
        content.set_fill_gray(HEADER_SHADE);
        content.rect(MARGIN, top - height, width, height);
        content.fill_nonzero();
        content.restore_state();
        let mut x = MARGIN;
        for (width, lines) in widths.iter().zip(&encoded) {
            content.begin_text();
            content.set_font(Name(resource), CELL_SIZE);
            for (y, bytes) in lines {
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x + CELL_PADDING, *y]);
                content.show(Str(bytes));
            }
            content.end_text();
            x += width;
        }
        content.end_marked_content();
        self.y = top - height;
        self.rule();
    }

    fn body_row(
        &mut self,
        widths: &[f32],
        cells: &[Vec<String>],
        elements: &[usize],
        headers: &[Vec<String>],
    ) {
        let total_lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut done = 0;
        while done < total_lines {
            let room = ((self.y - self.bottom() - 2.0 * CELL_PADDING) / CELL_LEADING).floor();
            let room = if room < 1.0 { 0 } else { room as usize };
            let left = total_lines - done;
            let fresh_page = self.y >= self.height - MARGIN - row_height(headers) - 0.5;
            // Start a row on a new page rather than split it, unless it is
            // taller than a whole page.
            if room == 0 || (room < left && !fresh_page && done == 0) {
                self.new_page();
                self.repeat_header_row(widths, headers);
                continue;
            }
            let take = room.min(left);
            let top = self.y;
            let mut x = MARGIN;
            for ((width, lines), element) in widths.iter().zip(cells).zip(elements) {
                let slice: Vec<String> = lines.iter().skip(done).take(take).cloned().collect();
                if slice.iter().any(|l| !l.is_empty()) {
                    let placed = placed_lines(top, &slice);
                    self.lines(
                        *element,
                        Weight::Regular,
                        CELL_SIZE,
                        x + CELL_PADDING,
                        &placed,
                    );
                }
                x += width;
            }
            done += take;
            self.y = top - take as f32 * CELL_LEADING - 2.0 * CELL_PADDING;
            self.rule();
        }
    }
}

/// The width of the widest word of `text` in table cells.
fn longest_word(font: &Font, text: &str) -> f32 {
    text.split_whitespace()
        .map(|word| font.measure(word, CELL_SIZE))
        .fold(0.0, f32::max)
}

/// Baselines for the lines of a cell whose row starts at `top`.
fn placed_lines(top: f32, lines: &[String]) -> Vec<(f32, &str)> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            (
                top - CELL_PADDING - CELL_SIZE - CELL_LEADING * i as f32 + 1.0,
                line.as_str(),
            )
        })
        .collect()
}

fn row_height(cells: &[Vec<String>]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * CELL_LEADING + 2.0 * CELL_PADDING
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, Orientation};

    #[test]
    fn a_narrow_column_widens_rather_than_break_a_word() {
        let layout = Layout::new(Orientation::Landscape).unwrap();
        let table = Table {
            heading: String::new(),
            columns: vec![
                Column::new("Cyfranddaliadau", 1),
                Column::new("Cyfeiriad post", 20),
            ],
            rows: vec![vec!["1".into(), "Tŷ Gwyn, Ffordd y Môr".into()]],
            row_headers: false,
            empty: String::new(),
        };
        let widths = layout.column_widths(&table);
        let word = layout.bold.measure("Cyfranddaliadau", CELL_SIZE) + 2.0 * CELL_PADDING;
        assert!(widths[0] >= word, "{widths:?}");
        assert!((widths.iter().sum::<f32>() - layout.usable_width()).abs() < 0.01);
        // A word wider than a third of the page still breaks.
        let mut long = table.clone();
        long.rows[0][0] = "x".repeat(400);
        let widths = layout.column_widths(&long);
        assert!(
            widths[0] <= layout.usable_width() / 3.0 + 0.01,
            "{widths:?}"
        );
    }
}
