"""Official documents (公文): kinds and their placeholders, the .docx renderer, PDF conversion, default templates.

Pure code: no Flask, no database. The service layer (service/operations/engines/documents.py) numbers, records and
audits documents; this package only turns a kind and a context into bytes."""
