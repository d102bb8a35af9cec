# meetings: y negeseuon Cymraeg. Mae gan bob id yma efaill Saesneg yn ../en/meetings.ftl.ftl.
