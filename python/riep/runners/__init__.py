"""Runners: the shell that reads a workbook, calls a job's rules and writes its reports."""

__all__: list[str] = []
