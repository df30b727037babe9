"""What the board is told: a Top-N never splits a tie; reviews are never called up to date when none is recorded."""

from __future__ import annotations

import datetime as dt

from riep.risks import evaluate, read
from riep.risks.summary import summarise
from riep.settings import Settings
from risks.riskdata import Source, row

AS_OF = dt.date(2009, 12, 1)


def _summary(rows, top_n=2):  # type: ignore[no-untyped-def]
    settings = Settings()
    reg = read(Source(rows), settings)
    return summarise(reg, evaluate(reg, settings, AS_OF), AS_OF, top_n)


def test_top_n_takes_every_risk_tied_at_the_cut_off():
    s = _summary([row(ID="R1", Impact="High"), row(ID="R2", Impact="Low"), row(ID="R3", Impact="Low"),
                  row(ID="R4", Impact="Low", Probability="Low")])
    assert [r.id for r in s.top] == ["R1", "R2", "R3"]


def test_no_review_dates_are_not_called_up_to_date():
    s = _summary([row(ID=f"R{k}", Review_date=None) for k in range(1, 8)])
    assert s.review_lines() == ["Review dates not recorded for R1\u2013R7."]


def test_reviews_in_date_and_one_missing():
    s = _summary([row(ID="R1", Review_date=dt.date(2010, 1, 31)), row(ID="R2", Review_date=None)])
    assert s.review_lines() == ["No review is overdue on 01/12/2009.", "Review dates not recorded for R2."]
