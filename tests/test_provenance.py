"""Provenance: the run block of findings.json, file hashes and the rules version."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from riep import __version__
from riep.findings import RunReport
from riep.provenance import input_file, run_info
from riep.registry import rules_version


def test_run_block_names_versions_day_and_every_input(tmp_path):
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"not really a workbook")
    started = dt.datetime(2009, 12, 1, 9, 30, tzinfo=dt.UTC)
    run = run_info([book, tmp_path / "missing.xlsx"], dt.date(2009, 11, 30), started, rules_version())
    doc = json.loads(json.dumps(RunReport(run=run).to_json_dict()))
    assert list(doc) == ["schema", "run", "files"]
    assert doc["run"] == {
        "riep_version": __version__, "rules_version": rules_version(), "as_of": "2009-11-30",
        "started_at": "2009-12-01T09:30:00+00:00",
        "inputs": [{"path": str(book), "size": 21, "sha256": hashlib.sha256(b"not really a workbook").hexdigest()}],
    }


def test_a_report_without_a_run_keeps_the_schema_1_shape():
    assert RunReport().to_json_dict() == {"schema": 1, "files": []}


def test_rules_version_is_a_short_hash_of_the_rule_table():
    assert len(rules_version()) == 12 and int(rules_version(), 16) >= 0
    assert input_file(__file__).size > 0
