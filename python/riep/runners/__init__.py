"""Runners: the shell that reads a workbook, calls a job\x27s rules and writes its reports."""

__all__: list[str] = []
