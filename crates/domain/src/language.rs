//! The two languages Cylch speaks, and choosing between them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Cy,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Cy];

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Cy => "cy",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Language::En),
            "cy" => Some(Language::Cy),
            _ => None,
        }
    }

    /// The other language: what the switch link on every page offers.
    pub fn other(self) -> Language {
        match self {
            Language::En => Language::Cy,
            Language::Cy => Language::En,
        }
    }

    /// Picks from an `Accept-Language` header by its quality values; English
    /// when the browser asks for neither language.
    pub fn negotiate(accept_language: &str) -> Language {
        let mut best: Option<(u16, Language)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let primary = tag.split('-').next().unwrap_or("");
            let Some(language) = Language::from_code(primary) else {
                continue;
            };
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map(parse_quality)
                .unwrap_or(1000);
            if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, language));
            }
        }
        best.map(|(_, language)| language).unwrap_or_default()
    }
}

/// A quality value as thousandths, so comparison needs no floats.
fn parse_quality(raw: &str) -> u16 {
    let raw = raw.trim();
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
    let whole: u16 = match whole {
        "1" => 1000,
        "0" | "" => 0,
        _ => return 0,
    };
    let digits: String = fraction.chars().take(3).collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return 0;
    }
    let fraction = format!("{digits:0<3}").parse::<u16>().unwrap_or(0);
    (whole + fraction).min(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_quality() {
        assert_eq!(Language::negotiate("cy-GB,cy;q=0.9,en;q=0.8"), Language::Cy);
        assert_eq!(Language::negotiate("en-GB,en;q=0.9,cy;q=0.8"), Language::En);
        assert_eq!(Language::negotiate("fr, cy;q=0.5"), Language::Cy);
        assert_eq!(Language::negotiate("en;q=0.2, cy;q=0.7"), Language::Cy);
        assert_eq!(Language::negotiate("cy;q=0"), Language::En);
        assert_eq!(Language::negotiate(""), Language::En);
        assert_eq!(Language::negotiate("de,fr"), Language::En);
        assert_eq!(Language::negotiate(";;;q=abc,,"), Language::En);
    }
}
