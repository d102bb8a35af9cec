# documents: the English messages of this area. Every id here has a Welsh twin in ../cy/documents.ftl.ftl.
