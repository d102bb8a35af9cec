//! Breaking text into lines that fit a width.

use super::fonts::Font;

/// The text broken into lines no wider than `width`: at spaces where it
/// can, inside a word too long for a line where it must. Line breaks in the
/// text (as in a postal address) are kept.
pub(super) fn wrap(font: &Font, text: &str, size: f32, width: f32) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::super::fonts::Weight;
    use super::*;

    #[test]
    fn text_wraps_within_its_column_and_long_words_break() {
        let font = Font::load(Weight::Regular).unwrap();
        let lines = wrap(&font, "Tŷ Gwyn\nFfordd y Môr, Aberystwyth", 10.0, 60.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines[0], "Tŷ Gwyn", "a line break in the text is kept");
        assert!(lines.iter().all(|l| font.measure(l, 10.0) <= 60.0));
        let long = wrap(&font, &"ŵ".repeat(40), 10.0, 50.0);
        assert!(long.len() > 1 && long.iter().all(|l| font.measure(l, 10.0) <= 50.0));
        assert_eq!(long.concat(), "ŵ".repeat(40), "nothing is lost in breaking");
        assert_eq!(wrap(&font, "", 10.0, 50.0), vec![String::new()]);
    }
}
