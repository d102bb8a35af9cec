# ledger: y negeseuon Cymraeg. Mae gan bob id yma efaill Saesneg yn ../en/ledger.ftl.ftl.
