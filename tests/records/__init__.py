"""Tests of riep.records: support for individual authorities, and the records workbook and PDFs."""
