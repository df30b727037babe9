"""Build the shipped workbooks from their readable YAML sources in ``workbook/src/``.

``riep build workbook/src --out workbook`` rebuilds every workbook; a test rebuilds them in a
temporary folder and compares them with the committed ones (:func:`describe`), so a
workbook and its source can never drift apart.
"""

from riep.build.describe import describe
from riep.build.render import build_all, build_workbook
from riep.build.source import WorkbookSource, load_source

__all__ = ["WorkbookSource", "load_source", "build_workbook", "build_all", "describe"]
