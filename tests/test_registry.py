"""The rule registry (``riep.registry``): every package's rules, each ID once, each documented."""

from __future__ import annotations

import re

import pytest

from riep.registry import RULE_PACKAGES, all_rules, check_unique
from riep.rule import rule


def test_two_rules_with_one_id_are_refused():
    a = rule("TOT-001", "error", "check", "One", "First.")
    b = rule("TOT-001", "error", "check", "Two", "Second.")
    with pytest.raises(ValueError, match="rule TOT-001 declared twice: 'One' and 'Two'"):
        check_unique([a, b])


def test_every_package_rule_is_in_the_registry_once_and_documented():
    declared = [r for package in RULE_PACKAGES for r in package.RULES]
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(declared) == len(set(ids))
    assert {r.job for r in all_rules()} == {"check", "reconcile", "monitor", "records", "risks"}
    assert all(re.fullmatch(r"[A-Z]+-\d{3}", i) for i in ids)
    assert all(r.title and r.description.endswith(".") for r in all_rules())
