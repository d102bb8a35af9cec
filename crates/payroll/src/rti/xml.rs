//! A small XML writer: elements nest through closures, so an element can
//! never be left open, and every text and attribute value is escaped.
//!
//! Element and attribute names are `&'static str`: they come from HMRC's
//! schema, never from input. Output is indented two spaces per level;
//! HMRC's RTI elements have element-only or simple content, so the
//! whitespace between elements carries no meaning.

pub(crate) struct XmlWriter {
    out: String,
    depth: usize,
}

impl XmlWriter {
    /// A document that starts with the XML declaration (UTF-8, as the
    /// GovTalk envelope requires).
    pub(crate) fn new() -> Self {
        Self {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            depth: 0,
        }
    }

    /// `<name attrs…>`, whatever `body` writes, `</name>`.
    pub(crate) fn element<E>(
        &mut self,
        name: &'static str,
        attributes: &[(&'static str, &str)],
        body: impl FnOnce(&mut Self) -> Result<(), E>,
    ) -> Result<(), E> {
        self.indent();
        self.start_tag(name, attributes);
        self.out.push('\n');
        self.depth += 1;
        let result = body(self);
        self.depth -= 1;
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
        result
    }

    /// `<name attrs…>text</name>` on one line.
    pub(crate) fn leaf_with(
        &mut self,
        name: &'static str,
        attributes: &[(&'static str, &str)],
        text: &str,
    ) {
        self.indent();
        self.start_tag(name, attributes);
        escape_into(&mut self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    pub(crate) fn leaf(&mut self, name: &'static str, text: &str) {
        self.leaf_with(name, &[], text);
    }

    /// `<name>yes</name>` when `flag` holds: HMRC's indicators are either
    /// "yes" or absent (their `YesType` has no "no").
    pub(crate) fn yes_if(&mut self, name: &'static str, flag: bool) {
        if flag {
            self.leaf(name, "yes");
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn start_tag(&mut self, name: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
}

/// Escapes the five characters XML gives meaning to, in text and in
/// double-quoted attribute values alike.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_and_escapes() {
        let mut w = XmlWriter::new();
        let r: Result<(), ()> = w.element("A", &[("x", "1 & \"2\"")], |w| {
            w.leaf("B", "<O'Neill & Sons>");
            w.yes_if("C", true);
            w.yes_if("D", false);
            Ok(())
        });
        assert_eq!(r, Ok(()));
        assert_eq!(
            w.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <A x=\"1 &amp; &quot;2&quot;\">\n  \
             <B>&lt;O&apos;Neill &amp; Sons&gt;</B>\n  \
             <C>yes</C>\n\
             </A>\n"
        );
    }

    #[test]
    fn an_error_inside_still_closes_the_element() {
        let mut w = XmlWriter::new();
        let r = w.element("A", &[], |_| Err("stop"));
        assert_eq!(r, Err("stop"));
        assert!(w.finish().ends_with("<A>\n</A>\n"));
    }
}
