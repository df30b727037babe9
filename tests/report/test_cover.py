"""Whose report it is: the organisation a cover and page header name, in the order the settings give it."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from records.recdata import Source, world
from riep.report.cover import OPEN_BOOK, cover_for
from riep.report.organisation import organisation
from riep.runners.base import Context
from riep.settings import load_settings

TITLE = "Improvement East - Financial allocation Year Two 2009/10"


def _settings(tmp_path, toml: str = ""):
    cfg = tmp_path / "riep.toml"
    cfg.write_text(toml, encoding="utf-8")
    return load_settings(cfg)


def _source(*rows: list[str]) -> Source:
    w = world()
    if rows:
        w["Settings"] = [*rows]
    return Source(w)


@pytest.mark.parametrize(("toml", "rows", "title", "expected"), [
    ('[report]\npartnership = "Our Partnership"\n', [["Organisation", "Written in the workbook"]], TITLE,
     "Our Partnership"),
    ("", [["Partnership", "east_midlands"], ["Organisation", "Fenland Improvement Partnership"]], TITLE,
     "Fenland Improvement Partnership"),
    ('[partnership]\ndefault = "improvement_east"\n', [["Partnership", "east_midlands"]], TITLE, "East Midlands IEP"),
    ('[partnership]\ndefault = "east_midlands"\n', [], TITLE, "East Midlands IEP"),
    ("", [], TITLE, "Improvement East"),
    ("", [["Partnership", "nobody_known"]], "", ""),
    ("", [], "Financial allocation", ""),
], ids=["explicit-setting", "settings-table-organisation", "settings-table-partnership", "riep-toml-default",
        "document-title", "unknown-partnership-and-no-title", "title-without-partnership"])
def test_organisation_order(tmp_path, toml, rows, title, expected):
    """report.partnership > the workbook's Settings table (Organisation, else its Partnership's title) > riep.toml's
    default partnership > the document title; the built-in default is not assumed."""
    assert organisation(_settings(tmp_path, toml), _source(*rows), title) == expected


def test_a_job_heads_its_reports_with_the_workbook_s_partnership(shipped):
    """riep run and the ribbon resolve it once per workbook, in Job.run; here a copy whose Settings table names the
    East Midlands IEP while its document title says Improvement East."""
    from riep.jobs import job
    from riep.xlsx.reader import open_workbook

    path = shipped("financial_allocation.xlsx")
    wb = openpyxl.load_workbook(path)
    settings = wb["Settings"]
    for row in settings.iter_rows():
        if row[0].value == "Partnership":
            row[1].value = "east_midlands"
    wb.save(path)
    outcome = job("check").run(open_workbook(path), Context(as_of=dt.date(2009, 12, 15)))
    assert (outcome.ctx.organisation, outcome.ctx.title) == ("East Midlands IEP", None)  # no title needed
    cover = outcome.ctx.cover("Validate totals", "x.xlsx", outcome.report, [path])
    assert cover.lines()[0] == ("Organisation", "East Midlands IEP")


def test_a_workbook_open_in_excel_is_named_without_a_hash(tmp_path):
    from riep.findings import FileReport
    from riep.provenance import run_info

    run = run_info([], dt.date(2009, 12, 15), dt.datetime(2009, 12, 15, 9, 30, tzinfo=dt.UTC), "abc123")
    cover = cover_for("Risk register", "risk_register.xlsx", FileReport(path="risk_register.xlsx", job="risks"), run,
                      "", [], open_books=["risk_register.xlsx"])
    assert cover.lines()[:2] == [
        ("Organisation", "not given (set report.partnership in riep.toml)"),
        ("Source file", "risk_register.xlsx, as open in Excel (the add-in reads its cells, not a saved file, so no "
                        "size or SHA-256 can be given)")]
    assert OPEN_BOOK.format(name="risk_register.xlsx") == cover.lines()[1][1]
    assert "From risk_register.xlsx (open in Excel); as of 2009-12-15" in cover.subject()
