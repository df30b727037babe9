"""Validate totals: the rules of ``riep check`` over the financial-allocation workbook's tables.

Like every rule package it offers ``recognises(source)``, ``read(source, settings)`` (the tables it
needs, read once) and ``evaluate(value, settings, as_of)`` (the findings), and declares ``RULES``.
"""

from riep.checks import lines, ringfence, totals, validate
from riep.checks.validate import evaluate, read, recognises
from riep.rule import declared_in

__all__ = ["RULES", "recognises", "read", "evaluate"]

RULES = declared_in(lines, ringfence, totals, validate)
