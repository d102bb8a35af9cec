//! Names and addresses in the characters HMRC's FPS schema allows.
//!
//! The FPS takes names and addresses in plain ASCII letters and a few
//! marks only (`FullPaymentSubmission_CharsetD` for names: letters, space,
//! hyphen and apostrophe; `CharsetG` for address lines: letters, digits,
//! space and `.,-()/=!"%&*;<>'+:?`; `CharsetB` for a UK postcode: letters,
//! digits and space). HMRC's guidance is to leave accents off, so Siân is
//! sent as Sian and Tŷ Newydd as Ty Newydd; what has no ASCII letter behind
//! it is replaced by a space and the spaces closed up.
//!
//! This is for the FPS only: Cylch keeps and shows the name as the person
//! writes it everywhere else.

/// The plain letters behind an accented Latin letter, and the ASCII form
/// of typographic apostrophes, quotes, dashes and spaces. Other characters
/// are returned as they are; combining accents (a name typed in decomposed
/// form) are dropped. Covers Latin-1, Latin Extended-A, Welsh ŵ ŷ ẁ ẃ ẅ ỳ
/// and the Romanian comma-below letters.
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        match fold(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'Æ' => "AE",
        'æ' => "ae",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ð' | 'Ď' | 'Đ' => "D",
        'ð' | 'ď' | 'đ' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' | 'Ħ' => "H",
        'ĥ' | 'ħ' => "h",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'Ĵ' => "J",
        'ĵ' => "j",
        'Ķ' => "K",
        'ķ' | 'ĸ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' | 'Ŋ' => "N",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŋ' => "n",
        'ŉ' => "'n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'Œ' => "OE",
        'œ' => "oe",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'Þ' => "TH",
        'þ' => "th",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        // Welsh w and y with circumflex, grave, acute and diaeresis.
        'Ŵ' | 'Ẁ' | 'Ẃ' | 'Ẅ' => "W",
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => "w",
        'Ý' | 'Ÿ' | 'Ŷ' | 'Ỳ' | 'Ỵ' | 'Ỷ' | 'Ỹ' => "Y",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\t' => " ",
        _ => return None,
    })
}

/// Which characters a field may hold, as HMRC's schema names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Charset {
    /// `CharsetD`: names. `[A-Za-z \-']`.
    Name,
    /// `CharsetH`: a title. `[A-Za-z\- .']`.
    Title,
    /// `CharsetG`: address lines. `[A-Za-z0-9 .,\-()/=!"%&*;<>'+:?]`.
    Address,
    /// `CharsetG` starting with a letter: a foreign country.
    Country,
    /// `CharsetB`: a UK postcode. `[A-Za-z0-9 ]`.
    Postcode,
}

impl Charset {
    fn allows(self, c: char) -> bool {
        if c.is_ascii_alphabetic() || c == ' ' {
            return true;
        }
        match self {
            Charset::Name => matches!(c, '-' | '\''),
            Charset::Title => matches!(c, '-' | '.' | '\''),
            Charset::Address | Charset::Country => {
                c.is_ascii_digit() || ".,-()/=!\"%&*;<>'+:?".contains(c)
            }
            Charset::Postcode => c.is_ascii_digit(),
        }
    }

    /// What the first character must be: a letter for names, titles and a
    /// foreign country (`[A-Za-z].*`), a letter or digit for an address
    /// line (`[A-Za-z0-9].*`) and a postcode (`[^ ].*`).
    fn may_start(self, c: char) -> bool {
        match self {
            Charset::Name | Charset::Title | Charset::Country => c.is_ascii_alphabetic(),
            Charset::Address | Charset::Postcode => c.is_ascii_alphanumeric(),
        }
    }
}

/// `text` as the FPS can carry it in a field of `charset` at most
/// `max_chars` long: transliterated, anything still disallowed replaced
/// by a space, runs of spaces closed up, leading characters the field may
/// not start with removed, and cut to `max_chars` (HMRC's guidance for an
/// over-long name is to send its first characters). Empty when nothing
/// writable is left; the caller decides whether that is an error.
pub(crate) fn clean(text: &str, charset: Charset, max_chars: usize) -> String {
    let plain = transliterate(text);
    let mut out = String::with_capacity(plain.len());
    let mut pending_space = false;
    for c in plain.chars() {
        let c = if charset.allows(c) { c } else { ' ' };
        if c == ' ' {
            pending_space = !out.is_empty();
            continue;
        }
        if out.is_empty() && !charset.may_start(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    // Everything is ASCII by now, so bytes are characters.
    out.truncate(max_chars);
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_letters_lose_their_accents() {
        assert_eq!(transliterate("Siân"), "Sian");
        assert_eq!(transliterate("Llŷr"), "Llyr");
        assert_eq!(transliterate("Gwenllïan"), "Gwenllian");
        assert_eq!(
            transliterate("Tŷ Ŵyn, Ffordd y Môr"),
            "Ty Wyn, Ffordd y Mor"
        );
        assert_eq!(transliterate("ẁẃẅỳ ŴŶ"), "wwwy WY");
        assert_eq!(transliterate("Dafydd ap Gruffydd"), "Dafydd ap Gruffydd");
        // The same letters typed as a base letter and a combining accent.
        assert_eq!(transliterate("Sia\u{302}n"), "Sian");
    }

    #[test]
    fn other_accents_and_marks() {
        assert_eq!(transliterate("Zoë Løvstrøm-Straße"), "Zoe Lovstrom-Strasse");
        assert_eq!(transliterate("Łukasz Wójcik"), "Lukasz Wojcik");
        assert_eq!(transliterate("O’Neill – Æthelred"), "O'Neill - AEthelred");
        assert_eq!(transliterate("Ștefan Țurcanu"), "Stefan Turcanu");
    }

    #[test]
    fn names_keep_only_letters_space_hyphen_apostrophe() {
        assert_eq!(clean("Siân", Charset::Name, 35), "Sian");
        assert_eq!(
            clean("Dafydd ap Gruffydd", Charset::Name, 35),
            "Dafydd ap Gruffydd"
        );
        assert_eq!(
            clean("  St. John-Smythe  ", Charset::Name, 35),
            "St John-Smythe"
        );
        assert_eq!(clean("O’Brien", Charset::Name, 35), "O'Brien");
        assert_eq!(clean("'Ali", Charset::Name, 35), "Ali");
        assert_eq!(clean("Anna 2", Charset::Name, 35), "Anna");
        assert_eq!(clean("李", Charset::Name, 35), "");
        assert_eq!(clean("-- 3 --", Charset::Name, 35), "");
        // Cut to 35 characters, and a space left at the end trimmed.
        let long = "Abcdefghij Klmnopqrst Uvwxyzabcd Efghijk";
        assert_eq!(
            clean(long, Charset::Name, 35),
            "Abcdefghij Klmnopqrst Uvwxyzabcd Ef"
        );
        let long = "Abcdefghij Klmnopqrst Uvwxyzabcdef Ghi";
        assert_eq!(
            clean(long, Charset::Name, 35),
            "Abcdefghij Klmnopqrst Uvwxyzabcdef"
        );
    }

    #[test]
    fn addresses_and_postcodes() {
        assert_eq!(
            clean("Fflat 3, Tŷ'r Ysgol", Charset::Address, 35),
            "Fflat 3, Ty'r Ysgol"
        );
        assert_eq!(
            clean("#12 Heol y Bont", Charset::Address, 35),
            "12 Heol y Bont"
        );
        assert_eq!(
            clean("Unit 4_b @ Parc", Charset::Address, 35),
            "Unit 4 b Parc"
        );
        assert_eq!(clean("sa31 1aa", Charset::Postcode, 10), "sa31 1aa");
        assert_eq!(clean(" SA31-1AA ", Charset::Postcode, 10), "SA31 1AA");
        assert_eq!(clean("Dr.", Charset::Title, 35), "Dr.");
        assert_eq!(clean("Parch’", Charset::Title, 35), "Parch'");
    }
}
