"""Spreadsheets (.xlsx): a streaming writer, a guarded reader and the limits they enforce. No database here."""
