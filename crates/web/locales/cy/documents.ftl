# documents: y negeseuon Cymraeg. Mae gan bob id yma efaill Saesneg yn ../en/documents.ftl.ftl.
documents-made-on = Lluniwyd ar { $date }
documents-page-of = Tudalen { $page } o { $pages }
register-download-pdf = Lawrlwytho'r ddwy gofrestr i'w hargraffu neu i'w cadw (PDF)
register-pdf-no-members = Nid oes aelodau yn y gofrestr eto.
register-pdf-no-officers = Nid oes swyddogion yn y gofrestr eto.
register-download-officers = Lawrlwytho'r gofrestr swyddogion (CSV)
