//! Placing the document on A4 pages: blocks of text down the page, a new
//! page when one is full, and the page labels at the foot once the number
//! of pages is known. Tables are in `table.rs`.

use pdf_writer::types::{ArtifactType, StructRole};
use pdf_writer::{Content, Name, Str};

use super::PdfError;
use super::fonts::{Font, Weight};
use super::structure::{ROOT, Structure};
use super::wrap::wrap;
use crate::model::{Document, Orientation};

// Sizes are in points (1/72 inch).
const A4_SHORT: f32 = 595.28;
const A4_LONG: f32 = 841.89;
pub(super) const MARGIN: f32 = 40.0;
const FOOTER_SPACE: f32 = 36.0;
const TITLE_SIZE: f32 = 16.0;
pub(super) const SUBTITLE_SIZE: f32 = 10.0;
pub(super) const HEADING_SIZE: f32 = 12.0;
pub(super) const CELL_SIZE: f32 = 8.5;
const RULE_SHADE: f32 = 0.55;

/// One page's drawing.
pub(super) struct Page {
    pub(super) content: Content,
    /// The structure element of each marked piece of content, by its id.
    pub(super) marked: Vec<usize>,
}

impl Page {
    fn new() -> Page {
        Page {
            content: Content::new(),
            marked: Vec::new(),
        }
    }
}

/// A document as it is being laid out.
pub(super) struct Layout {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) regular: Font,
    pub(super) bold: Font,
    /// The pages laid out before the current one.
    pages: Vec<Page>,
    current: Page,
    pub(super) structure: Structure,
    /// Distance of the next line's top from the bottom of the page.
    pub(super) y: f32,
}

/// A document laid out on its pages, ready to be written as a file.
pub(super) struct Laid {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) regular: Font,
    pub(super) bold: Font,
    pub(super) pages: Vec<Page>,
    pub(super) structure: Structure,
}

impl Layout {
    pub(super) fn new(orientation: Orientation) -> Result<Layout, PdfError> {
        let (width, height) = match orientation {
            Orientation::Portrait => (A4_SHORT, A4_LONG),
            Orientation::Landscape => (A4_LONG, A4_SHORT),
        };
        Ok(Layout {
            width,
            height,
            regular: Font::load(Weight::Regular)?,
            bold: Font::load(Weight::Bold)?,
            pages: Vec::new(),
            current: Page::new(),
            structure: Structure::new(),
            y: height - MARGIN,
        })
    }

    pub(super) fn font(&mut self, weight: Weight) -> &mut Font {
        match weight {
            Weight::Regular => &mut self.regular,
            Weight::Bold => &mut self.bold,
        }
    }

    pub(super) fn usable_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    pub(super) fn bottom(&self) -> f32 {
        MARGIN + FOOTER_SPACE
    }

    pub(super) fn new_page(&mut self) {
        let done = std::mem::replace(&mut self.current, Page::new());
        self.pages.push(done);
        self.y = self.height - MARGIN;
    }

    /// The page being laid out, and its number counting from 0.
    pub(super) fn page(&mut self) -> (usize, &mut Page) {
        (self.pages.len(), &mut self.current)
    }

    /// Lines of text, each at its baseline, marked as the content of
    /// `element`.
    pub(super) fn lines(
        &mut self,
        element: usize,
        weight: Weight,
        size: f32,
        x: f32,
        lines: &[(f32, &str)],
    ) {
        let encoded: Vec<(f32, Vec<u8>)> = lines
            .iter()
            .map(|(y, text)| (*y, self.font(weight).encode(text)))
            .collect();
        let resource = self.font(weight).resource;
        let tag = self.structure.tag(element);
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
        self.structure.mark(element, page_index, mcid);
    }

    /// A block of text across the page, wrapped, as its own element.
    pub(super) fn block(
        &mut self,
        role: StructRole,
        weight: Weight,
        size: f32,
        text: &str,
        after: f32,
    ) {
        let leading = size * 1.3;
        let width = self.usable_width();
        let wrapped = wrap(self.font(weight), text, size, width);
        if self.y - leading * wrapped.len() as f32 <= self.bottom() && self.y < self.height - MARGIN
        {
            self.new_page();
        }
        let element = self.structure.add(role, ROOT);
        let top = self.y;
        let lines: Vec<(f32, &str)> = wrapped
            .iter()
            .enumerate()
            .map(|(i, line)| (top - size - leading * i as f32, line.as_str()))
            .collect();
        self.lines(element, weight, size, MARGIN, &lines);
        self.y = top - leading * wrapped.len() as f32 - after;
    }

    /// The title, the lines under it, and the tables.
    pub(super) fn document(&mut self, document: &Document) {
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

    /// A thin line across the table under a row.
    pub(super) fn rule(&mut self) {
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

    /// The pages as laid out, with the page labels at their foot.
    pub(super) fn finish(mut self, page_label: &dyn Fn(usize, usize) -> String) -> Laid {
        self.footers(page_label);
        Laid {
            width: self.width,
            height: self.height,
            regular: self.regular,
            bold: self.bold,
            pages: self.pages,
            structure: self.structure,
        }
    }

    /// Page labels at the foot of every page, now that the number of pages
    /// is known. The page being laid out is the last.
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
}
