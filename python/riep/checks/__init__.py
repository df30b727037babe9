"""Validate totals: the rules of ``riep check`` over the financial-allocation workbook's tables."""

__all__: list[str] = []
