//! A small CSV reader that knows which line of the file each record starts
//! on, so every problem can be reported as "line N". Quoted fields may hold
//! commas, doubled quotes and line breaks (RFC 4180).

use super::statement::BankFileError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// The file line the record starts on, counting from 1.
    pub line: usize,
    pub fields: Vec<String>,
}

impl Record {
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// Turns bytes into text: UTF-8 only (with or without a byte-order mark).
/// Other encodings are refused naming the first line that is not UTF-8,
/// because guessing an encoding can silently turn "£" into something else.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, BankFileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let newlines = before.iter().filter(|b| **b == b'\n').count();
        BankFileError::NotUtf8 {
            line: newlines.saturating_add(1),
        }
    })
}

pub(crate) fn records(text: &str) -> Result<Vec<Record>, BankFileError> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line: usize = 1;

    while chars.peek().is_some() {
        let start_line = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        loop {
            // At the start of a field. Some exports put a space after each
            // comma ("a", "b"); spaces before an opening quote are not data.
            let spaces = chars.clone().take_while(|c| *c == ' ').count();
            if chars.clone().nth(spaces) == Some('"') {
                chars.nth(spaces);
                let quote_line = line;
                loop {
                    match chars.next() {
                        None => return Err(BankFileError::CutShortInQuotes { line: quote_line }),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' {
                                line = line.saturating_add(1);
                            }
                            field.push(c);
                        }
                    }
                }
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
                match chars.peek() {
                    None | Some(',') | Some('\n') | Some('\r') => {}
                    Some(_) => return Err(BankFileError::TextAfterQuote { line }),
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' || c == '\n' || c == '\r' {
                        break;
                    }
                    field.push(c);
                    chars.next();
                }
            }
            fields.push(std::mem::take(&mut field));
            match chars.next() {
                Some(',') => continue,
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line = line.saturating_add(1);
                    break;
                }
                Some('\n') => {
                    line = line.saturating_add(1);
                    break;
                }
                _ => break,
            }
        }
        records.push(Record {
            line: start_line,
            fields,
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields))
            .collect()
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn reads_quoted_fields_with_commas_quotes_and_line_breaks() {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n3,4,5";
        assert_eq!(
            fields(text),
            vec![
                (1, s(&["a", "b, c", "say \"hi\""])),
                (2, s(&["two\nlines", "x", ""])),
                (4, s(&["3", "4", "5"])),
            ]
        );
    }

    #[test]
    fn spaces_around_quoted_fields_are_not_data() {
        assert_eq!(
            fields("\"a\", \"b, c\" ,  d \n"),
            vec![(1, s(&["a", "b, c", "  d "]))]
        );
    }

    #[test]
    fn an_unclosed_quote_is_a_file_cut_short() {
        assert_eq!(
            records("a,b\n1,\"unfinished"),
            Err(BankFileError::CutShortInQuotes { line: 2 })
        );
        // Named at the line the quote opens, even inside a longer record.
        assert_eq!(
            records("a,\"two\nlines\",\"open\nand never closed"),
            Err(BankFileError::CutShortInQuotes { line: 2 })
        );
    }

    #[test]
    fn text_after_a_closing_quote_is_refused() {
        assert_eq!(
            records("a,\"b\"c\n"),
            Err(BankFileError::TextAfterQuote { line: 1 })
        );
    }

    #[test]
    fn decoding_names_the_first_line_that_is_not_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFDate\n"), Ok("Date\n"));
        // "£" in Windows-1252 is the single byte 0xA3.
        assert_eq!(
            decode(b"Date,Amount\n01/04/2026,1\n02/04/2026,\xA35\n"),
            Err(BankFileError::NotUtf8 { line: 3 })
        );
        // UTF-16 (as some spreadsheets save "Unicode text") fails on line 1.
        assert_eq!(
            decode(b"\xFF\xFED\x00a\x00"),
            Err(BankFileError::NotUtf8 { line: 1 })
        );
    }
}
