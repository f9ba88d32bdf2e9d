"""Exports to .xlsx: rows from the service layer's functions, turned into sheets. The long lists stream from
the database (service/operations/common.streamed: `yield_per`, a server-side cursor on PostgreSQL) into
openpyxl's write-only workbook (service/spreadsheets/writer.py), so nothing holds the whole result. Read-only;
scope and filters are the lists' own. This package builds no SQL (an import-linter contract).

Another report becomes an export with a list of `Column`s and an iterable of row mappings, e.g. the coverage
report: `write_workbook([Sheet("覆盖率", COVERAGE_COLUMNS, report_rows)])`."""
