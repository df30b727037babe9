"""riep.excel.ribbon on the book xlwings Server builds from Excel's JSON: faults, options and reports."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
import xlwings as xw
from bookjson import book_json

from riep.errors import RiepError
from riep.excel import reports, ribbon

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbook"


def test_a_fault_half_way_is_one_log_line_an_alert_and_nothing_written(monkeypatch, caplog):
    book = xw.Book(json=book_json(WORKBOOKS / "risk_register.xlsx"))
    calls = []

    def half_then_fail(b, content, fills=None):
        calls.append(content.name)
        if len(calls) == 2:
            raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(ribbon, "apply_highlights", half_then_fail)
    with caplog.at_level(logging.ERROR, logger="riep.excel"):
        assert ribbon.run_button(book, "risks") is None
    actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert"]  # the first sheet's actions were taken back
    assert actions[0]["args"][0] == ("Risk report hit a fault in riep (ZeroDivisionError: division by zero); this is "
                                     "not your mistake: please report it to whoever runs the RIEP add-in, with the "
                                     "workbook risk_register.xlsx if you can")
    assert len(caplog.records) == 1 and caplog.records[0].getMessage().startswith(
        "Risk report failed: ZeroDivisionError: division by zero (at ")


def test_options_give_the_as_of_date_and_the_uploaded_allocation(tmp_path, monkeypatch):
    monkeypatch.setenv("RIEP_REPORTS_DIR", str(tmp_path))
    owner = reports.owner_key("someone")
    token = reports.save_upload(owner, "plan 2009.xlsx", (WORKBOOKS / "financial_allocation.xlsx").read_bytes())
    ctx = ribbon.options_context({"as_of": "2009-12-15", "allocation": token}, owner)
    assert ctx.as_of == dt.date(2009, 12, 15)
    assert ctx.allocation is not None and ctx.allocation.name == "plan 2009.xlsx"
    assert ribbon.options_context({}, owner).as_of == dt.date.today()
    with pytest.raises(RiepError) as other:
        ribbon.options_context({"allocation": token}, reports.owner_key("someone else"))
    assert other.value.message == ("the allocation workbook chosen in the task pane belongs to another user: run the "
                                   "job yourself to get its reports; choose it again")


def test_reports_are_the_owners_only_and_expire(tmp_path, monkeypatch):
    monkeypatch.setenv("RIEP_REPORTS_DIR", str(tmp_path))
    owner = reports.owner_key("someone")
    token, folder = reports.new_run(owner)
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    reports.publish(owner, token, [reports.ReportFile("A (PDF)", "a.pdf")], "risks", "book.xlsx")
    assert reports.resolve(owner, token, "a.pdf") == folder / "a.pdf"
    assert reports.latest(owner)["files"] == [{"label": "A (PDF)", "name": "a.pdf"}]
    for name in ("../a.pdf", "owner.json", "b.pdf"):
        with pytest.raises(RiepError):
            reports.resolve(owner, token, name)
    with pytest.raises(RiepError, match="belongs to another user"):
        reports.resolve(reports.owner_key("someone else"), token, "a.pdf")
    assert reports.latest(reports.owner_key("someone else"))["files"] == []
    monkeypatch.setenv("RIEP_REPORTS_MINUTES", "1")
    reports.sweep(now=dt.datetime.now().timestamp() + 120)  # two minutes on: removed
    assert not folder.exists()
    assert reports.latest(owner)["files"] == []
