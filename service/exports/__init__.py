"""Exports to .xlsx, built on the service layer's queries: rows stream from the database (`yield_per`: a
server-side cursor on PostgreSQL) into openpyxl's write-only workbook (service/spreadsheets/writer.py), so
nothing holds the whole result. Read-only; scope and filters are the lists' own.

Another report becomes an export with a list of `Column`s and an iterable of row mappings, e.g. the coverage
report: `write_workbook([Sheet("覆盖率", COVERAGE_COLUMNS, report_rows)])`."""

# Rows fetched per round trip while streaming.
STREAM_BATCH = 1000
