"""Workbook input and output (the shell around the rules): reading tables, writing sheets, LibreOffice."""

__all__: list[str] = []
