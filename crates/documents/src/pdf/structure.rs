//! The tagged structure: what a screen reader follows instead of the
//! drawing. Every piece of text drawn is marked content that belongs to one
//! structure element (a heading, a paragraph, a table's header or data
//! cell); header cells say whether they name a column or a row.

use pdf_writer::types::{StructRole, TableHeaderScope};
use pdf_writer::writers::{StructElement, StructTreeRoot};
use pdf_writer::{Finish, Pdf, Ref};

/// The element for the whole document, which every other descends from.
pub(super) const ROOT: usize = 0;

/// Where a piece of content sits in the document's structure.
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

/// The structure tree as it is built, elements named by their index.
pub(super) struct Structure {
    elements: Vec<Element>,
}

impl Structure {
    pub(super) fn new() -> Structure {
        Structure {
            elements: vec![Element {
                role: StructRole::Document,
                parent: ROOT,
                kids: Vec::new(),
                scope: None,
            }],
        }
    }

    pub(super) fn len(&self) -> usize {
        self.elements.len()
    }

    /// A new element, the last child of `parent`.
    pub(super) fn add(&mut self, role: StructRole, parent: usize) -> usize {
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

    /// A table header cell (`TH`) that names its column or its row.
    pub(super) fn add_header(&mut self, parent: usize, scope: TableHeaderScope) -> usize {
        let id = self.add(StructRole::TH, parent);
        if let Some(element) = self.elements.get_mut(id) {
            element.scope = Some(scope);
        }
        id
    }

    /// The marked-content tag that goes with an element's role.
    pub(super) fn tag(&self, element: usize) -> &'static [u8] {
        match self.elements.get(element).map(|e| e.role) {
            Some(StructRole::H1) => b"H1",
            Some(StructRole::H2) => b"H2",
            Some(StructRole::TH) => b"TH",
            Some(StructRole::TD) => b"TD",
            _ => b"P",
        }
    }

    /// Records that the content `mcid` on page `page` belongs to `element`.
    pub(super) fn mark(&mut self, element: usize, page: usize, mcid: i32) {
        if let Some(element) = self.elements.get_mut(element) {
            element.kids.push(Kid::Content { page, mcid });
        }
    }

    /// The structure tree root at `root_id`: the top element, and the
    /// parent tree that leads from each page's marked content (the array
    /// at `parent_ids[page]`) to its elements.
    pub(super) fn write_root(
        &self,
        pdf: &mut Pdf,
        root_id: Ref,
        element_ids: &[Ref],
        parent_ids: &[Ref],
    ) {
        // Its own object, so that the top element can name it as its
        // parent.
        let mut root = pdf.indirect(root_id).start::<StructTreeRoot>();
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

    /// Every element, at `element_ids[element]`, under the root at
    /// `root_id`.
    pub(super) fn write_elements(
        &self,
        pdf: &mut Pdf,
        root_id: Ref,
        element_ids: &[Ref],
        page_ids: &[Ref],
    ) {
        for (index, element) in self.elements.iter().enumerate() {
            let Some(id) = element_ids.get(index) else {
                continue;
            };
            let mut writer = pdf.struct_element(*id);
            let parent = if index == ROOT {
                Some(root_id)
            } else {
                element_ids.get(element.parent).copied()
            };
            write_element(&mut writer, element, parent, element_ids, page_ids);
        }
    }
}

/// A page's entry in the parent tree: the element each of its marked
/// pieces of content belongs to, by marked-content id.
pub(super) fn write_page_parents(pdf: &mut Pdf, id: Ref, marked: &[usize], element_ids: &[Ref]) {
    pdf.indirect(id).array().items(
        marked
            .iter()
            .filter_map(|element| element_ids.get(*element).copied()),
    );
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
