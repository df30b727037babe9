"""riep: checks, reconciles and reports on a RIEP's Excel workbooks.

The rules live in plain modules over pydantic models and pandas (``riep.findings``,
``riep.checks``, ...). Workbook I/O (``riep.xlsx``), the command line (``riep.cli``) and the
Excel add-in (``addin/``) are thin shells that convert and call them.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
