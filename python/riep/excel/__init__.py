"""The Excel shell of riep: worksheet functions, ribbon jobs and result sheets in the open workbook.

Used by the xlwings Server add-in (``addin/``, Office.js: Excel on Windows, Mac and the web)
and by classic desktop xlwings on Windows (:mod:`riep.excel.udfs`). Modules:

- :mod:`riep.excel.values`: cell values as Excel sends them, read for the core;
- :mod:`riep.excel.functions`: the RIEP worksheet functions and the one Excel-error boundary;
- :mod:`riep.excel.source`: the open workbook as a :class:`~riep.table.TableSource`;
- :mod:`riep.excel.render`: :class:`~riep.sheets.SheetContent` written through the xlwings API;
- :mod:`riep.excel.highlights`: the reported cells coloured, and their own colour given back;
- :mod:`riep.excel.book`: the open workbook's sheets by name, and whether Office.js applies the calls;
- :mod:`riep.excel.ribbon`: a ribbon button: run a job, write its sheets, highlight, alert;
- :mod:`riep.excel.config`: the riep settings the add-in uses;
- :mod:`riep.excel.server`: ``riep serve`` (certificate, environment, uvicorn);
- :mod:`riep.excel.udfs`: classic desktop xlwings UDFs and RunPython entry points.

Nothing here holds a rule: every answer comes from the core modules the CLI uses.
"""

from __future__ import annotations

__all__: list[str] = []
