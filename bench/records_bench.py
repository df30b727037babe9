"""``riep records`` on generated authority-support workbooks: the region's 55 and 400 synthetic authorities.

Every authority gets a complete support case (two assessments, nine board members, a meeting
every five weeks for a year, four quarterly reports, three approvals), built through the real
workbook builder from the shipped source's sheets. The authorities are invented ("Benchmark
Authority 001 (illustrative)"), so no real council is shown as supported; lead Chief
Executives rotate over the real authority list. Reports the whole job (open, read, every
rule, the records workbook and one PDF per authority) and its parts, per record.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

from measure import measure

__all__ = ["generate", "main"]

ROOT = Path(__file__).resolve().parents[1]
ROLES = ["Leader", "Opposition member", "Chief Executive", "Senior officer", "Lead Chief Executive",
         "Audit Commission", "IDeA associate", "Government Office", "District Auditor"]


def generate(path: Path, n: int) -> Path:
    """A support workbook with ``n`` synthetic cases, built with the shipped workbook's layout."""
    if path.exists():
        return path
    sys.path.insert(0, str(ROOT / "python"))
    from riep.build.render import render

    src = yaml.safe_load((ROOT / "workbook" / "src" / "authority_support.yaml").read_text(encoding="utf-8"))
    sheets = {s["name"]: s for s in src["sheets"]}
    real = [r for r in sheets["Authorities"]["table"]["rows"] if r[3] == "no"]
    names = [f"Benchmark Authority {k:03d} (illustrative)" for k in range(1, n + 1)]
    rows: dict[str, list[list[object]]] = {k: [] for k in sheets}
    rows["Authorities"] = real + [[a, "district", real[k % len(real)][2], "yes"] for k, a in enumerate(names)]
    for k, a in enumerate(names):
        lead = real[(k * 7) % len(real)][0]
        board = dt.date(2009, 1, 5) + dt.timedelta(days=k % 60)
        rows["Assessments"] += [[a, "2008/09", "Use of Resources", 1 + k % 3, "no", None, None, "Benchmark", "2008-12-11"],
                                [a, "2008/09", "Children's services", None, "yes" if k % 4 == 0 else "no",
                                 "Children's services" if k % 4 == 0 else None, None, "Benchmark", "2008-11-20"]]
        rows["SupportCases"].append([a, "2008/09", f"Chief Executive, {lead}", lead, 1 + (k % 5 == 0), board.isoformat(),
                                     f"Cllr Chair {k}", "2010-03-31", None, None])
        rows["BoardMembers"] += [[a, f"Cllr Chair {k}" if r == "Leader" else f"{r} {k}", r, None]
                                 for r in ROLES if not (k % 6 == 0 and r == "District Auditor")]
        day = board + dt.timedelta(days=14)
        for m in range(10):
            rows["Meetings"].append([a, (day + dt.timedelta(days=35 * m + (30 if k % 9 == 0 and m > 4 else 0))).isoformat(),
                                     "yes" if (k + m) % 17 else "no", "yes"])
        for q, end in [("Q4 2008/09", dt.date(2009, 3, 31)), ("Q1 2009/10", dt.date(2009, 6, 30)),
                       ("Q2 2009/10", dt.date(2009, 9, 30)), ("Q3 2009/10", dt.date(2009, 12, 31))]:
            got = None if (k % 8 == 0 and q == "Q2 2009/10") else (end + dt.timedelta(days=20)).isoformat()
            rows["ProgressReports"].append([a, q, (end + dt.timedelta(days=30)).isoformat(), got])
        rows["SupportFunding"] += [
            [a, "core", 2000, "Advisory Group", "2009-04-20", None, 2000, 1500, None],
            [a, "additional", 12000 + (k % 3) * 5000, "Lead Chief Executive", "2009-07-01", None, 12000, 8000, None],
            [a, "urgent", 1000, "Chair of the Board and Chair of the Officer Steering Group", "2009-09-01",
             (board + dt.timedelta(days=14 + 35 * 7)).isoformat() if k % 5 else None, None, None, None]]
    for name, s in sheets.items():
        s["table"]["rows"] = rows[name]
    src["file"] = path.name
    from riep.build.source import WorkbookSource

    path.parent.mkdir(parents=True, exist_ok=True)
    render(WorkbookSource.model_validate(src)).save(path)
    return path


_SETUP = """
import datetime as dt, shutil, tempfile
from pathlib import Path
from riep.cli.jobcommand import make_context
from riep.jobs import job
from riep.runners.records import write_records, records_for
from riep.xlsx.reader import open_workbook
ctx = make_context(None, dt.datetime(2010, 2, 15), Path({alloc!r}))
path = Path({path!r})
"""


def main(*sizes: int) -> list[str]:
    lines = []
    for n in sizes or (55, 400):
        p = generate(Path(__file__).parent / "results" / f"support_{n}.xlsx", n)
        setup = _SETUP.format(alloc=str(ROOT / "workbook" / "financial_allocation.xlsx"), path=str(p))
        evaluate = measure(setup, "outcome = job('records').run(open_workbook(path), ctx)")
        whole = measure(setup, "out = Path(tempfile.mkdtemp())\n"
                               "outcome = job('records').run(open_workbook(path), ctx)\n"
                               "files = write_records(outcome.value, outcome.report, ctx, out)\n"
                               f"assert len(files) == {n} + 1, len(files)\nshutil.rmtree(out)", repeat=1)
        line = (f"records {n:>3} authorities: whole job {whole['seconds']:6.2f} s = "
                f"{whole['seconds'] / n * 1000:6.1f} ms a record (rules only {evaluate['seconds']:5.2f} s = "
                f"{evaluate['seconds'] / n * 1000:5.1f} ms a record); peak {whole['peak_mb']:.0f} MB")
        print(line, flush=True)
        lines.append(line)
    return lines


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
