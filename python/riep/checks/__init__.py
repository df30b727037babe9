"""Validate totals: the rules of ``riep check`` over the financial-allocation workbook's tables."""

from riep.checks import lines, ringfence, totals, validate
from riep.rule import declared_in

__all__ = ["RULES"]

RULES = declared_in(lines, ringfence, totals, validate)
