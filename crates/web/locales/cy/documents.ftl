# documents: y negeseuon Cymraeg. Mae gan bob id yma efaill Saesneg yn ../en/documents.ftl.ftl.
