//! Printable documents as PDF files: a title, a few lines under it, and
//! tables that run over as many pages as they need.
//!
//! The caller describes the document in plain values ([`Document`],
//! [`Table`], [`Column`]) in the reader's language and calls [`render`];
//! layout, page breaks and fonts are this module's business:
//!
//! ```ignore
//! let document = Document {
//!     language: Language::Cy,
//!     title: "Cofrestr aelodau".into(),
//!     subtitles: vec!["Cydweithfa'r Dyffryn".into()],
//!     generated: "Gwnaed ar 25/11/2026".into(),
//!     orientation: Orientation::Landscape,
//!     tables: vec![Table {
//!         heading: "Aelodau".into(),
//!         columns: vec![Column::new("Enw", 2), Column::new("Cyfeiriad", 3)],
//!         rows: vec![vec!["Siân Williams".into(), "1 Stryd Fawr, Bangor".into()]],
//!         row_headers: true,
//!         empty: "Dim aelodau".into(),
//!     }],
//! };
//! let bytes = pdf::render(&document, |page, pages| format!("tudalen {page} o {pages}"))?;
//! ```
//!
//! Text is set in DejaVu Sans, embedded as a subset of the glyphs used, so
//! Welsh letters (ŵ, ŷ, â …) and names in any Latin, Greek or Cyrillic
//! script print as written; the standard PDF fonts cannot show ŵ or ŷ. Long
//! cells wrap within their column, a row too tall for what is left of a page
//! continues on the next, and every page that a table runs onto starts with
//! the table's header row again.
//!
//! The file is a tagged PDF: its language and title are in its metadata,
//! and its structure (heading, paragraphs, tables with header cells) is
//! marked for screen readers; rules, shading and page numbers are marked as
//! artifacts.

use std::collections::BTreeMap;

use cylch_domain::Language;
use pdf_writer::types::{
    ArtifactType, CidFontType, FontFlags, StructRole, SystemInfo, TableHeaderScope,
};
use pdf_writer::writers::{StructElement, StructTreeRoot};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// A document to print.
#[derive(Debug, Clone)]
pub struct Document {
    /// The language the text is written in; the file is tagged with it.
    pub language: Language,
    /// The document's title: its first heading and its title in the
    /// viewer's window.
    pub title: String,
    /// Lines under the title, such as the co-operative's name.
    pub subtitles: Vec<String>,
    /// A line saying when the document was made, like "Made on 25/11/2026".
    pub generated: String,
    pub orientation: Orientation,
    pub tables: Vec<Table>,
}

/// A4, upright or on its side (for tables with many columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// A table under its own heading.
#[derive(Debug, Clone)]
pub struct Table {
    pub heading: String,
    pub columns: Vec<Column>,
    /// One entry per column in each row; missing cells print empty, extra
    /// ones are ignored.
    pub rows: Vec<Vec<String>>,
    /// Whether the first cell of each row names the row (as a member's name
    /// does), for screen readers.
    pub row_headers: bool,
    /// Printed in place of the table when it has no rows.
    pub empty: String,
}

/// A column: its header and its share of the table's width, relative to
/// the other columns' (a column of 2 is twice as wide as one of 1).
#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub width: u16,
}

impl Column {
    pub fn new(header: impl Into<String>, width: u16) -> Column {
        Column {
            header: header.into(),
            width,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read or subset: {0}")]
    Font(String),
}

/// The document as the bytes of a PDF file. `page_label` gives the words
/// at the foot of each page from its number and the number of pages
/// ("page 2 of 5"), in the document's language.
pub fn render(
    document: &Document,
    page_label: impl Fn(usize, usize) -> String,
) -> Result<Vec<u8>, PdfError> {
    let mut layout = Layout::new(document.orientation)?;
    layout.document(document);
    layout.finish(document, &page_label)
}

// Sizes are in points (1/72 inch).
const A4_SHORT: f32 = 595.28;
const A4_LONG: f32 = 841.89;
const MARGIN: f32 = 40.0;
const FOOTER_SPACE: f32 = 36.0;
const TITLE_SIZE: f32 = 16.0;
const SUBTITLE_SIZE: f32 = 10.0;
const HEADING_SIZE: f32 = 12.0;
const CELL_SIZE: f32 = 8.5;
const CELL_LEADING: f32 = 10.5;
const CELL_PADDING: f32 = 3.0;
const HEADER_SHADE: f32 = 0.9;
const RULE_SHADE: f32 = 0.55;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

/// One of the two embedded fonts, with the glyphs used so far.
struct Font {
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    postscript_name: &'static str,
    resource: &'static [u8],
    remapper: GlyphRemapper,
    /// Advance widths of the glyphs used, by their id in the subset, in
    /// thousandths of the font size.
    widths: Vec<f32>,
    /// The text each glyph of the subset stands for, for copying and
    /// searching.
    unicode: BTreeMap<u16, char>,
}

impl Font {
    fn load(
        data: &'static [u8],
        postscript_name: &'static str,
        resource: &'static [u8],
    ) -> Result<Font, PdfError> {
        let face =
            ttf_parser::Face::parse(data, 0).map_err(|error| PdfError::Font(error.to_string()))?;
        let mut font = Font {
            data,
            face,
            postscript_name,
            resource,
            remapper: GlyphRemapper::new(),
            widths: Vec::new(),
            unicode: BTreeMap::new(),
        };
        // The subset's glyph 0 is the font's "missing glyph".
        font.widths.push(font.advance(ttf_parser::GlyphId(0)));
        Ok(font)
    }

    fn scale(&self) -> f32 {
        1000.0 / f32::from(self.face.units_per_em())
    }

    fn glyph(&self, c: char) -> ttf_parser::GlyphId {
        self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0))
    }

    fn advance(&self, glyph: ttf_parser::GlyphId) -> f32 {
        f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) * self.scale()
    }

    /// The width of `text` at `size` points.
    fn measure(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter(|c| !invisible(*c))
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// The text as glyph ids of the subset, two bytes each (the fonts are
    /// written with the Identity-H encoding).
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars().filter(|c| !invisible(*c)) {
            let glyph = self.glyph(c);
            let new = self.remapper.remap(glyph.0);
            if usize::from(new) >= self.widths.len() {
                self.widths.push(self.advance(glyph));
            }
            if glyph.0 != 0 {
                self.unicode.entry(new).or_insert(c);
            }
            bytes.extend_from_slice(&new.to_be_bytes());
        }
        bytes
    }
}

/// Formatting marks with no glyph of their own (zero-width spaces and
/// joiners, direction marks and isolates, the byte-order mark), which would
/// otherwise print as the font's "missing glyph" box.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Where a piece of text sits in the document's structure.
enum Kid {
    Element(usize),
    Content { page: usize, mcid: i32 },
}

struct Element {
    role: StructRole,
    parent: usize,
    kids: Vec<Kid>,
    scope: Option<TableHeaderScope>,
}

struct Page {
    content: Content,
    /// The structure element of each marked piece of content, by its id.
    marked: Vec<usize>,
}

impl Page {
    fn new() -> Page {
        Page {
            content: Content::new(),
            marked: Vec::new(),
        }
    }
}

struct Layout {
    width: f32,
    height: f32,
    regular: Font,
    bold: Font,
    /// The pages laid out before the current one.
    pages: Vec<Page>,
    current: Page,
    elements: Vec<Element>,
    /// Distance of the next line's top from the bottom of the page.
    y: f32,
}

const ROOT: usize = 0;

impl Layout {
    fn new(orientation: Orientation) -> Result<Layout, PdfError> {
        let (width, height) = match orientation {
            Orientation::Portrait => (A4_SHORT, A4_LONG),
            Orientation::Landscape => (A4_LONG, A4_SHORT),
        };
        let layout = Layout {
            width,
            height,
            regular: Font::load(REGULAR, "DejaVuSans", b"F1")?,
            bold: Font::load(BOLD, "DejaVuSans-Bold", b"F2")?,
            pages: Vec::new(),
            current: Page::new(),
            elements: vec![Element {
                role: StructRole::Document,
                parent: ROOT,
                kids: Vec::new(),
                scope: None,
            }],
            y: height - MARGIN,
        };
        Ok(layout)
    }

    fn font(&mut self, weight: Weight) -> &mut Font {
        match weight {
            Weight::Regular => &mut self.regular,
            Weight::Bold => &mut self.bold,
        }
    }

    fn usable_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        MARGIN + FOOTER_SPACE
    }

    fn new_page(&mut self) {
        let done = std::mem::replace(&mut self.current, Page::new());
        self.pages.push(done);
        self.y = self.height - MARGIN;
    }

    fn element(&mut self, role: StructRole, parent: usize) -> usize {
        let id = self.elements.len();
        self.elements.push(Element {
            role,
            parent,
            kids: Vec::new(),
            scope: None,
        });
        if let Some(parent) = self.elements.get_mut(parent) {
            parent.kids.push(Kid::Element(id));
        }
        id
    }

    /// The page being laid out, and its number counting from 0.
    fn page(&mut self) -> (usize, &mut Page) {
        (self.pages.len(), &mut self.current)
    }

    /// Lines of text, each at its baseline, marked as the content of
    /// `element`.
    fn lines(&mut self, element: usize, weight: Weight, size: f32, x: f32, lines: &[(f32, &str)]) {
        let encoded: Vec<(f32, Vec<u8>)> = lines
            .iter()
            .map(|(y, text)| (*y, self.font(weight).encode(text)))
            .collect();
        let resource = self.font(weight).resource;
        let tag = role_tag(self.elements.get(element).map(|e| e.role));
        let (page_index, page) = self.page();
        let mcid = i32::try_from(page.marked.len()).unwrap_or(i32::MAX);
        page.marked.push(element);
        let content = &mut page.content;
        content
            .begin_marked_content_with_properties(Name(tag))
            .properties()
            .identify(mcid);
        content.begin_text();
        content.set_font(Name(resource), size);
        for (y, bytes) in &encoded {
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, *y]);
            content.show(Str(bytes));
        }
        content.end_text();
        content.end_marked_content();
        if let Some(element) = self.elements.get_mut(element) {
            element.kids.push(Kid::Content {
                page: page_index,
                mcid,
            });
        }
    }

    /// A block of text across the page, wrapped, as its own element.
    fn block(&mut self, role: StructRole, weight: Weight, size: f32, text: &str, after: f32) {
        let leading = size * 1.3;
        let width = self.usable_width();
        let wrapped = wrap(self.font(weight), text, size, width);
        if self.y - leading * wrapped.len() as f32 <= self.bottom() && self.y < self.height - MARGIN
        {
            self.new_page();
        }
        let element = self.element(role, ROOT);
        let top = self.y;
        let lines: Vec<(f32, &str)> = wrapped
            .iter()
            .enumerate()
            .map(|(i, line)| (top - size - leading * i as f32, line.as_str()))
            .collect();
        self.lines(element, weight, size, MARGIN, &lines);
        self.y = top - leading * wrapped.len() as f32 - after;
    }

    fn document(&mut self, document: &Document) {
        self.block(
            StructRole::H1,
            Weight::Bold,
            TITLE_SIZE,
            &document.title,
            6.0,
        );
        for line in &document.subtitles {
            self.block(StructRole::P, Weight::Regular, SUBTITLE_SIZE, line, 2.0);
        }
        self.block(
            StructRole::P,
            Weight::Regular,
            CELL_SIZE,
            &document.generated,
            0.0,
        );
        for table in &document.tables {
            self.y -= 14.0;
            self.table(table);
        }
    }

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

    fn table(&mut self, table: &Table) {
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
        let table_element = self.element(StructRole::Table, ROOT);
        let header_row = self.element(StructRole::TR, table_element);
        let header_cells: Vec<usize> = headers
            .iter()
            .map(|_| {
                let cell = self.element(StructRole::TH, header_row);
                if let Some(element) = self.elements.get_mut(cell) {
                    element.scope = Some(TableHeaderScope::Column);
                }
                cell
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
            let row_element = self.element(StructRole::TR, table_element);
            let cell_elements: Vec<usize> = (0..cells.len())
                .map(|i| {
                    let heads_row = table.row_headers && i == 0;
                    let role = if heads_row {
                        StructRole::TH
                    } else {
                        StructRole::TD
                    };
                    let cell = self.element(role, row_element);
                    if heads_row && let Some(element) = self.elements.get_mut(cell) {
                        element.scope = Some(TableHeaderScope::Row);
                    }
                    cell
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

    /// A thin line across the table under a row.
    fn rule(&mut self) {
        let y = self.y;
        let width = self.usable_width();
        let (_, page) = self.page();
        let content = &mut page.content;
        content.begin_marked_content(Name(b"Artifact"));
        content.save_state();
        content.set_stroke_gray(RULE_SHADE);
        content.set_line_width(0.5);
        content.move_to(MARGIN, y);
        content.line_to(MARGIN + width, y);
        content.stroke();
        content.restore_state();
        content.end_marked_content();
    }

    /// Page numbers at the foot of every page, now that their number is
    /// known.
    fn footers(&mut self, page_label: &dyn Fn(usize, usize) -> String) {
        let last = std::mem::replace(&mut self.current, Page::new());
        self.pages.push(last);
        let count = self.pages.len();
        for index in 0..count {
            let label = page_label(index + 1, count);
            let width = self.regular.measure(&label, CELL_SIZE);
            let bytes = self.regular.encode(&label);
            let x = self.width - MARGIN - width;
            if let Some(page) = self.pages.get_mut(index) {
                let content = &mut page.content;
                content
                    .begin_marked_content_with_properties(Name(b"Artifact"))
                    .properties()
                    .artifact()
                    .kind(ArtifactType::Pagination);
                content.begin_text();
                content.set_font(Name(self.regular.resource), CELL_SIZE);
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, MARGIN]);
                content.show(Str(&bytes));
                content.end_text();
                content.end_marked_content();
            }
        }
    }

    fn finish(
        mut self,
        document: &Document,
        page_label: &dyn Fn(usize, usize) -> String,
    ) -> Result<Vec<u8>, PdfError> {
        self.footers(page_label);
        let mut ids = Ids(0);
        let mut pdf = Pdf::new();
        let catalog_id = ids.next();
        let tree_id = ids.next();
        let info_id = ids.next();
        let metadata_id = ids.next();
        let struct_root_id = ids.next();
        let fonts = [ids.next(), ids.next()];
        let page_ids: Vec<Ref> = self.pages.iter().map(|_| ids.next()).collect();
        let content_ids: Vec<Ref> = self.pages.iter().map(|_| ids.next()).collect();
        let element_ids: Vec<Ref> = self.elements.iter().map(|_| ids.next()).collect();
        let parent_ids: Vec<Ref> = self.pages.iter().map(|_| ids.next()).collect();
        let lang = document.language.code();

        let mut catalog = pdf.catalog(catalog_id);
        catalog.pages(tree_id);
        catalog.lang(TextStr(lang));
        catalog.metadata(metadata_id);
        catalog.viewer_preferences().display_doc_title(true);
        catalog.mark_info().marked(true);
        catalog.pair(Name(b"StructTreeRoot"), struct_root_id);
        catalog.finish();
        {
            // Its own object, so that the top element can name it as its
            // parent.
            let mut root = pdf.indirect(struct_root_id).start::<StructTreeRoot>();
            if let Some(first) = element_ids.first() {
                root.child(*first);
            }
            let mut tree = root.parent_tree();
            let mut nums = tree.nums();
            for (index, parent) in parent_ids.iter().enumerate() {
                nums.insert(i32::try_from(index).unwrap_or(i32::MAX), *parent);
            }
            nums.finish();
            tree.finish();
            root.parent_tree_next_key(i32::try_from(parent_ids.len()).unwrap_or(i32::MAX));
        }

        pdf.document_info(info_id)
            .title(TextStr(&document.title))
            .producer(TextStr("Cylch"));
        let xmp = xmp_metadata(&document.title, lang);
        pdf.metadata(metadata_id, xmp.as_bytes());

        pdf.pages(tree_id)
            .kids(page_ids.iter().copied())
            .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
        for (index, page) in self.pages.iter().enumerate() {
            let (Some(page_id), Some(content_id), Some(parent_id)) = (
                page_ids.get(index),
                content_ids.get(index),
                parent_ids.get(index),
            ) else {
                continue;
            };
            let mut writer = pdf.page(*page_id);
            writer
                .parent(tree_id)
                .media_box(Rect::new(0.0, 0.0, self.width, self.height))
                .contents(*content_id)
                .struct_parents(i32::try_from(index).unwrap_or(i32::MAX));
            let mut resources = writer.resources();
            resources
                .fonts()
                .pair(Name(self.regular.resource), fonts[0])
                .pair(Name(self.bold.resource), fonts[1]);
            resources.finish();
            writer.finish();
            pdf.indirect(*parent_id).array().items(
                page.marked
                    .iter()
                    .filter_map(|element| element_ids.get(*element).copied()),
            );
        }
        for (page, content_id) in self.pages.into_iter().zip(&content_ids) {
            let bytes = page.content.finish().into_vec();
            let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&bytes, 6);
            pdf.stream(*content_id, &compressed)
                .filter(Filter::FlateDecode);
        }
        for (index, element) in self.elements.iter().enumerate() {
            let Some(id) = element_ids.get(index) else {
                continue;
            };
            let mut writer = pdf.struct_element(*id);
            let parent = if index == ROOT {
                Some(struct_root_id)
            } else {
                element_ids.get(element.parent).copied()
            };
            write_element(&mut writer, element, parent, &element_ids, &page_ids);
        }
        write_font(&mut pdf, &mut ids, fonts[0], &self.regular)?;
        write_font(&mut pdf, &mut ids, fonts[1], &self.bold)?;
        Ok(pdf.finish())
    }
}

fn write_element(
    writer: &mut StructElement<'_>,
    element: &Element,
    parent: Option<Ref>,
    element_ids: &[Ref],
    page_ids: &[Ref],
) {
    writer.kind(element.role);
    if let Some(parent) = parent {
        writer.parent(parent);
    }
    if let Some(scope) = element.scope {
        writer.attributes().push().table().scope(scope);
    }
    let mut children = writer.children();
    for kid in &element.kids {
        match kid {
            Kid::Element(child) => {
                if let Some(id) = element_ids.get(*child) {
                    children.struct_element(*id);
                }
            }
            Kid::Content { page, mcid } => {
                if let Some(page) = page_ids.get(*page) {
                    children
                        .marked_content_ref()
                        .page(*page)
                        .marked_content_id(*mcid);
                }
            }
        }
    }
}

/// A Type 0 font over the subset of a TrueType font, with its widths and
/// the text each glyph stands for.
fn write_font(pdf: &mut Pdf, ids: &mut Ids, id: Ref, font: &Font) -> Result<(), PdfError> {
    let cid_id = ids.next();
    let descriptor_id = ids.next();
    let file_id = ids.next();
    let unicode_id = ids.next();
    let subset = subsetter::subset(font.data, 0, &font.remapper)
        .map_err(|error| PdfError::Font(format!("{error:?}")))?;
    let name = format!(
        "{}+{}",
        subset_tag(font.remapper.remapped_gids()),
        font.postscript_name
    );
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(id)
        .base_font(Name(name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(unicode_id);
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(Name(name.as_bytes()))
        .system_info(system)
        .font_descriptor(descriptor_id)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid.widths().consecutive(0, font.widths.iter().copied());
    cid.finish();

    let face = &font.face;
    let scale = font.scale();
    let bbox = face.global_bounding_box();
    let mut flags = FontFlags::NON_SYMBOLIC;
    if font.resource == b"F2" {
        flags |= FontFlags::FORCE_BOLD;
    }
    pdf.font_descriptor(descriptor_id)
        .name(Name(name.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            f32::from(bbox.x_min) * scale,
            f32::from(bbox.y_min) * scale,
            f32::from(bbox.x_max) * scale,
            f32::from(bbox.y_max) * scale,
        ))
        .italic_angle(0.0)
        .ascent(f32::from(face.ascender()) * scale)
        .descent(f32::from(face.descender()) * scale)
        .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) * scale)
        .stem_v(if font.resource == b"F2" { 140.0 } else { 80.0 })
        .font_file2(file_id);
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&subset, 6);
    pdf.stream(file_id, &compressed)
        .filter(Filter::FlateDecode)
        .pair(
            Name(b"Length1"),
            i32::try_from(subset.len()).unwrap_or(i32::MAX),
        );

    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Cylch-UTF16"), system);
    for (glyph, c) in &font.unicode {
        cmap.pair(*glyph, *c);
    }
    let cmap = cmap.finish();
    pdf.cmap(unicode_id, &cmap)
        .name(Name(b"Cylch-UTF16"))
        .system_info(system);
    Ok(())
}

/// Six capital letters that differ between subsets, as PDF asks of a
/// subset font's name.
fn subset_tag(glyphs: impl Iterator<Item = u16>) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for glyph in glyphs {
        for byte in glyph.to_be_bytes() {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

struct Ids(i32);

impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// The marked-content tag that goes with a structure role.
fn role_tag(role: Option<StructRole>) -> &'static [u8] {
    match role {
        Some(StructRole::H1) => b"H1",
        Some(StructRole::H2) => b"H2",
        Some(StructRole::TH) => b"TH",
        Some(StructRole::TD) => b"TD",
        _ => b"P",
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

/// The text broken into lines no wider than `width`: at spaces where it
/// can, inside a word too long for a line where it must. Line breaks in the
/// text (as in a postal address) are kept.
fn wrap(font: &Font, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if font.measure(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if font.measure(word, size) <= width {
                line = word.to_owned();
                continue;
            }
            for c in word.chars() {
                line.push(c);
                if font.measure(&line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The title and language again as XMP, where accessibility checkers and
/// archives look for them.
fn xmp_metadata(title: &str, lang: &str) -> String {
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ",
            "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n",
            "<dc:format>application/pdf</dc:format>\n",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n",
            "<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n",
            "<pdf:Producer>Cylch</pdf:Producer>\n",
            "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n",
            "<?xpacket end=\"w\"?>"
        ),
        title = xml_escape(title),
        lang = xml_escape(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(rows: usize) -> Document {
        Document {
            language: Language::Cy,
            title: "Cofrestr aelodau".into(),
            subtitles: vec!["Cydweithfa'r Dyffryn".into()],
            generated: "Lluniwyd ar 25/11/2026".into(),
            orientation: Orientation::Landscape,
            tables: vec![Table {
                heading: "Aelodau".into(),
                columns: vec![Column::new("Enw", 2), Column::new("Cyfeiriad", 3)],
                rows: (0..rows)
                    .map(|i| vec![format!("Siôn Ŵyn {i}"), "Tŷ'r Ysgol, Llŷn".into()])
                    .collect(),
                row_headers: true,
                empty: "Dim".into(),
            }],
        }
    }

    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .filter(|w| *w == needle)
            .count()
    }

    #[test]
    fn text_wraps_within_its_column_and_long_words_break() {
        let font = Font::load(REGULAR, "DejaVuSans", b"F1").unwrap();
        let lines = wrap(&font, "Tŷ Gwyn\nFfordd y Môr, Aberystwyth", 10.0, 60.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines[0], "Tŷ Gwyn", "a line break in the text is kept");
        assert!(lines.iter().all(|l| font.measure(l, 10.0) <= 60.0));
        let long = wrap(&font, &"ŵ".repeat(40), 10.0, 50.0);
        assert!(long.len() > 1 && long.iter().all(|l| font.measure(l, 10.0) <= 50.0));
        assert_eq!(long.concat(), "ŵ".repeat(40), "nothing is lost in breaking");
        assert_eq!(wrap(&font, "", 10.0, 50.0), vec![String::new()]);
    }

    #[test]
    fn a_long_table_runs_over_pages_with_numbered_pages() {
        let bytes = render(&sample(200), |page, pages| {
            format!("Tudalen {page} o {pages}")
        })
        .unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF"));
        let pages = count(&bytes, b"/Type /Page\n") + count(&bytes, b"/Type /Page ");
        assert!(pages > 1 && pages < 12, "{pages} pages for 200 rows");
        assert_eq!(count(&bytes, b"/FontFile2"), 2, "both fonts are embedded");
        assert!(
            count(&bytes, b"/StructParents") == pages,
            "every page is tagged"
        );
        assert!(count(&bytes, b"/Lang (cy)") == 1, "the language is tagged");
        // The subsets hold only the glyphs used: the two whole fonts would
        // be 1.4 MB.
        assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
    }

    #[test]
    fn an_empty_table_prints_its_message_and_a_row_taller_than_a_page_is_split() {
        let mut document = sample(0);
        document.tables.push(Table {
            heading: "Hir".into(),
            columns: vec![Column::new("Testun", 1), Column::new("Arall", 9)],
            rows: vec![vec!["gair ".repeat(800), "x".into()]],
            row_headers: false,
            empty: String::new(),
        });
        let bytes = render(&document, |page, pages| format!("{page}/{pages}")).unwrap();
        let pages = count(&bytes, b"/Type /Page\n") + count(&bytes, b"/Type /Page ");
        assert!(pages >= 2, "the long row continues on another page");
    }

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

    #[test]
    fn invisible_marks_are_not_printed() {
        let mut font = Font::load(REGULAR, "DejaVuSans", b"F1").unwrap();
        assert_eq!(font.encode("\u{2068}a\u{2069}").len(), 2);
        assert_eq!(font.measure("\u{feff}", 10.0), 0.0);
    }
}
