"""The report frame: what every PDF and every workbook riep writes carries around its content.

- :mod:`riep.report.cover`: the first-page block (title, organisation, sources with SHA-256,
  as-of day, run time, versions, summary) as plain lines;
- :mod:`riep.report.sheet_frame`: A4 page set-up, header and footer, widths from the text, the
  cover sheet and document properties of a workbook (openpyxl);
- :mod:`riep.report.pdf_frame`: the same for reportlab PDFs ("Page x of y", header, metadata).
"""

__all__: list[str] = []
