"""Reconcile carry-forwards across financial years: the rules of ``riep reconcile`` and ``riep rollover``.

The core works on the ``Balances`` table (one line per stream and year, or several lines
that add up): :mod:`riep.reconcile.model` types it, :mod:`riep.reconcile.corkscrew` holds the
corkscrew and the link between years, :mod:`riep.reconcile.rules` the other rules,
:mod:`riep.reconcile.ledger` applies them all, :mod:`riep.reconcile.sheet` describes the
reconciliation sheet and :mod:`riep.reconcile.rollover` plans a roll-forward.
"""

from riep.reconcile import corkscrew, rules
from riep.reconcile.ledger import evaluate, recognises
from riep.reconcile.ledger import read_ledger as read
from riep.rule import declared_in

__all__ = ["RULES", "recognises", "read", "evaluate"]

RULES = declared_in(corkscrew, rules)
