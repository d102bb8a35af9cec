//! Writing the laid-out pages as a PDF file: the catalog with the
//! document's language, title and structure tree, the pages and their
//! compressed drawings, and the font subsets.

use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::PdfError;
use super::layout::Laid;
use super::structure::write_page_parents;
use super::xmp;

/// Numbers for the file's objects, handed out in turn.
pub(super) struct Ids(i32);

impl Ids {
    pub(super) fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// The file's bytes, for a document titled `title` in the language `lang`
/// (a BCP 47 code such as "cy").
pub(super) fn write(laid: Laid, title: &str, lang: &str) -> Result<Vec<u8>, PdfError> {
    let mut ids = Ids(0);
    let mut pdf = Pdf::new();
    let catalog_id = ids.next();
    let tree_id = ids.next();
    let info_id = ids.next();
    let metadata_id = ids.next();
    let struct_root_id = ids.next();
    let regular_id = ids.next();
    let bold_id = ids.next();
    let page_ids: Vec<Ref> = laid.pages.iter().map(|_| ids.next()).collect();
    let content_ids: Vec<Ref> = laid.pages.iter().map(|_| ids.next()).collect();
    let element_ids: Vec<Ref> = (0..laid.structure.len()).map(|_| ids.next()).collect();
    let parent_ids: Vec<Ref> = laid.pages.iter().map(|_| ids.next()).collect();

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    catalog.lang(TextStr(lang));
    catalog.metadata(metadata_id);
    // Viewers show the title, not the file's name, in their window.
    catalog.viewer_preferences().display_doc_title(true);
    catalog.mark_info().marked(true);
    catalog.pair(Name(b"StructTreeRoot"), struct_root_id);
    catalog.finish();
    laid.structure
        .write_root(&mut pdf, struct_root_id, &element_ids, &parent_ids);

    pdf.document_info(info_id)
        .title(TextStr(title))
        .producer(TextStr("Cylch"));
    let xmp = xmp::metadata(title, lang);
    pdf.metadata(metadata_id, xmp.as_bytes());

    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    for (index, page) in laid.pages.iter().enumerate() {
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
            .media_box(Rect::new(0.0, 0.0, laid.width, laid.height))
            .contents(*content_id)
            .struct_parents(i32::try_from(index).unwrap_or(i32::MAX));
        let mut resources = writer.resources();
        resources
            .fonts()
            .pair(Name(laid.regular.resource), regular_id)
            .pair(Name(laid.bold.resource), bold_id);
        resources.finish();
        writer.finish();
        write_page_parents(&mut pdf, *parent_id, &page.marked, &element_ids);
    }
    for (page, content_id) in laid.pages.into_iter().zip(&content_ids) {
        let bytes = page.content.finish().into_vec();
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&bytes, 6);
        pdf.stream(*content_id, &compressed)
            .filter(Filter::FlateDecode);
    }
    laid.structure
        .write_elements(&mut pdf, struct_root_id, &element_ids, &page_ids);
    laid.regular.write(&mut pdf, &mut ids, regular_id)?;
    laid.bold.write(&mut pdf, &mut ids, bold_id)?;
    Ok(pdf.finish())
}
