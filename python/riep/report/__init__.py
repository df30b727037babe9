"""The report frame: what every PDF and every workbook riep writes carries around its content.

- :mod:`riep.report.cover`: the first-page block (title, organisation, sources with SHA-256,
  as-of day, run time, versions, summary) as plain lines;
- :mod:`riep.report.organisation`: whose report it is (settings, the workbook's Settings table, the
  partnership profile, the document title) and what its workbook is called;
- :mod:`riep.report.page`: how a sheet prints (A4, margins, header and footer), as data both sheet
  writers apply (openpyxl, and the add-in through Office.js);
- :mod:`riep.report.sheet_frame`: A4 page set-up, header and footer, widths from the text, the
  cover sheet and document properties of a workbook (openpyxl);
- :mod:`riep.report.pdf_frame`: the same for reportlab PDFs ("Page x of y", header, metadata).
"""

__all__: list[str] = []
