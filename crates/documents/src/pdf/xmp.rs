//! The title and language again as XMP metadata, where accessibility
//! checkers and archives look for them.

/// The XMP packet for a document with this title in the language `lang`.
pub(super) fn metadata(title: &str, lang: &str) -> String {
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

/// Text safe inside an XML element or attribute; control characters,
/// which XML 1.0 does not allow, are dropped.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_with_markup_stays_text() {
        let xmp = metadata("Cyfrifon <Tŷ> & \"Gardd\"\u{7}", "cy");
        assert!(
            xmp.contains("x-default\">Cyfrifon &lt;Tŷ&gt; &amp; &quot;Gardd&quot;</rdf:li>"),
            "{xmp}"
        );
        assert!(xmp.contains("<rdf:li>cy</rdf:li>"));
    }
}
