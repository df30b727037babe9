"""The shipped authority-support workbook: Excel-native, illustrative cases only, its formulas right in LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest

from allocdata import ROOT, WORKBOOKS
from riep.fy import quarter_end
from riep.records import evaluate, read
from riep.settings import Settings
from riep.xlsx.reader import open_workbook

SHIPPED = WORKBOOKS / "authority_support.xlsx"
AS_OF = dt.date(2009, 12, 15)


def test_every_authority_of_the_region_and_only_invented_ones_supported():
    csv_path = ROOT.parent / "shared" / "reference" / "east_of_england_authorities_2009.csv"  # beside the clone
    reference = list(csv.DictReader(csv_path.open(encoding="utf-8"))) if csv_path.exists() else None
    wb = openpyxl.load_workbook(SHIPPED)
    ws = wb["Authorities"]
    assert ws.tables["Authorities"].ref == "A4:D76"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5, max_row=76)]
    real = [r for r in rows if r[3] == "no"]
    invented = {r[0] for r in rows if r[3] == "yes"}
    assert len(real) == 55 and len(invented) == 17
    if reference is not None:
        assert [r[:3] for r in real] == [[x["name"], x["type"], x["county_area"]] for x in reference]
    cases = wb["SupportCases"]
    supported = [cases.cell(row=r, column=1).value for r in range(5, 13)]
    leads = [cases.cell(row=r, column=4).value for r in range(5, 13)]
    assert all(a in invented and a.endswith("(illustrative)") for a in supported)
    # no real council's officer in a demonstration case: every lead Chief Executive is from an invented authority
    assert all(lead in invented for lead in leads)
    assert [cases.cell(row=r, column=10).value for r in range(5, 13)] == ["support"] * 7 + ["mentor"]
    assert cases.tables["SupportCases"].ref == "A4:L12"
    lists = {str(dv.sqref): dv.formula1 for dv in wb["SupportFunding"].data_validations.dataValidation}
    assert lists["B5:B218"] == '"core,additional,urgent"'
    assert wb["SupportFunding"]["C5"].number_format == "£#,##0;[Red]-£#,##0"


COUNTY_SERVICES = ("children", "adult social", "education", "highways", "libraries", "safeguarding", "fire")


def test_demonstration_failures_are_services_the_councils_tier_runs():
    book = read(open_workbook(SHIPPED), Settings())
    for a in book.assessments:
        if a.service_failure and book.authorities[a.authority].type == "district":
            service = f"{a.area} {a.failing_service}".lower()
            assert not any(word in service for word in COUNTY_SERVICES), (a.authority, service)
    assert book.partnership == "improvement_east"


@pytest.mark.libreoffice
def test_recalculated_due_dates_and_status_and_the_same_findings(recalc):
    path = recalc(SHIPPED)
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["ProgressReports"]
    for r in range(5, ws.max_row + 1):
        label = ws.cell(row=r, column=2).value
        if not label:
            continue
        q, year = int(label[1]), label[3:]
        assert ws.cell(row=r, column=3).value.date() == quarter_end(q, year) + dt.timedelta(days=30), label
    assert [wb["SupportCases"].cell(row=r, column=9).value for r in range(5, 13)] == ["Closed"] * 8
    shipped = evaluate(read(open_workbook(SHIPPED)), Settings(), AS_OF)
    calculated = evaluate(read(open_workbook(path)), Settings(), AS_OF)
    assert [(f.rule, f.cell) for f in calculated.findings] == [(f.rule, f.cell) for f in shipped.findings]
