# governance: y negeseuon Cymraeg. Mae gan bob id yma efaill Saesneg yn ../en/governance.ftl.ftl.
