# documents: the English messages of this area. Every id here has a Welsh twin in ../cy/documents.ftl.ftl.
documents-made-on = Made on { $date }
documents-page-of = Page { $page } of { $pages }
register-download-pdf = Download both registers to print or keep (PDF)
register-pdf-no-members = The register has no members yet.
register-pdf-no-officers = The register has no officers yet.
register-download-officers = Download the register of officers (CSV)
