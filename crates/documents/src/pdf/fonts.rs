//! The two embedded fonts: measuring text, encoding it as glyphs of a
//! subset, and writing each subset into the file.
//!
//! DejaVu Sans covers Welsh (ŵ, ŷ, â …) and names in any Latin, Greek or
//! Cyrillic script; the standard PDF fonts cannot show ŵ or ŷ. Only the
//! glyphs a document uses are embedded: the two whole fonts are 1.4 MB.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use super::PdfError;
use super::file::Ids;

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn postscript_name(self) -> &'static str {
        match self {
            Weight::Regular => "DejaVuSans",
            Weight::Bold => "DejaVuSans-Bold",
        }
    }
}

/// One of the two embedded fonts, with the glyphs used so far.
pub(super) struct Font {
    data: &'static [u8],
    face: Face<'static>,
    weight: Weight,
    /// The font's name in each page's resources.
    pub(super) resource: &'static [u8],
    remapper: GlyphRemapper,
    /// Advance widths of the glyphs used, by their id in the subset, in
    /// thousandths of the font size.
    widths: Vec<f32>,
    /// The text each glyph of the subset stands for, for copying and
    /// searching.
    unicode: BTreeMap<u16, char>,
}

impl Font {
    pub(super) fn load(weight: Weight) -> Result<Font, PdfError> {
        let (data, resource): (&'static [u8], &'static [u8]) = match weight {
            Weight::Regular => (REGULAR, b"F1"),
            Weight::Bold => (BOLD, b"F2"),
        };
        let face = Face::parse(data, 0).map_err(|error| PdfError::FontUnreadable {
            font: weight.postscript_name(),
            reason: error.to_string(),
        })?;
        let mut font = Font {
            data,
            face,
            weight,
            resource,
            remapper: GlyphRemapper::new(),
            widths: Vec::new(),
            unicode: BTreeMap::new(),
        };
        // The subset's glyph 0 is the font's "missing glyph".
        font.widths.push(font.advance(GlyphId(0)));
        Ok(font)
    }

    fn scale(&self) -> f32 {
        1000.0 / f32::from(self.face.units_per_em())
    }

    fn glyph(&self, c: char) -> GlyphId {
        self.face.glyph_index(c).unwrap_or(GlyphId(0))
    }

    fn advance(&self, glyph: GlyphId) -> f32 {
        f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) * self.scale()
    }

    /// The width of `text` at `size` points.
    pub(super) fn measure(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter(|c| !invisible(*c))
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// The text as glyph ids of the subset, two bytes each (the fonts are
    /// written with the Identity-H encoding).
    pub(super) fn encode(&mut self, text: &str) -> Vec<u8> {
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

    /// A Type 0 font over the subset of the glyphs used, with their widths
    /// and the text each glyph stands for.
    pub(super) fn write(&self, pdf: &mut Pdf, ids: &mut Ids, id: Ref) -> Result<(), PdfError> {
        let cid_id = ids.next();
        let descriptor_id = ids.next();
        let file_id = ids.next();
        let unicode_id = ids.next();
        let subset = subsetter::subset(self.data, 0, &self.remapper).map_err(|error| {
            PdfError::FontSubset {
                font: self.weight.postscript_name(),
                reason: format!("{error:?}"),
            }
        })?;
        let name = format!(
            "{}+{}",
            subset_tag(self.remapper.remapped_gids()),
            self.weight.postscript_name()
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
        cid.widths().consecutive(0, self.widths.iter().copied());
        cid.finish();

        let face = &self.face;
        let scale = self.scale();
        let bbox = face.global_bounding_box();
        let bold = self.weight == Weight::Bold;
        let mut flags = FontFlags::NON_SYMBOLIC;
        if bold {
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
            .stem_v(if bold { 140.0 } else { 80.0 })
            .font_file2(file_id);
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&subset, 6);
        pdf.stream(file_id, &compressed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(subset.len()).unwrap_or(i32::MAX),
            );

        let mut cmap = UnicodeCmap::new(Name(b"Cylch-UTF16"), system);
        for (glyph, c) in &self.unicode {
            cmap.pair(*glyph, *c);
        }
        let cmap = cmap.finish();
        pdf.cmap(unicode_id, &cmap)
            .name(Name(b"Cylch-UTF16"))
            .system_info(system);
        Ok(())
    }
}

/// Formatting marks with no glyph of their own (zero-width spaces and
/// joiners, direction marks and isolates, the byte-order mark), which would
/// otherwise print as the font's "missing glyph" box.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_marks_are_not_printed() {
        let mut font = Font::load(Weight::Regular).unwrap();
        assert_eq!(font.encode("\u{2068}a\u{2069}").len(), 2);
        assert_eq!(font.measure("\u{feff}", 10.0), 0.0);
    }

    #[test]
    fn subsets_of_different_glyphs_have_different_tags() {
        let a = subset_tag([0u16, 3, 4].into_iter());
        let b = subset_tag([0u16, 3, 5].into_iter());
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()), "{a}");
        assert_ne!(a, b);
    }
}
