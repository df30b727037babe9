"""The RIEP worksheet functions, written once for every way Excel can call them.

Each function is a thin wrapper over one core function: it turns the cells Excel sends
(a single cell or a whole column, in one call) into core arguments, and the core's answers
back into cells. The docstrings and argument notes are the help a finance officer reads in
Excel's function wizard. The xlwings Server add-in (``addin/custom_functions.py``) and
classic desktop xlwings (:mod:`riep.excel.udfs`) both register the functions listed in
:data:`FUNCTIONS` through :func:`excel_function`, the one place where a
:class:`~riep.errors.RiepError` becomes an Excel error value with its message.

Adding a function: write it here (a few lines over its core function, using ``_arg`` for
its arguments) and add it to :data:`FUNCTIONS`; both add-ins pick it up.
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable
from typing import Annotated, Any

from xlwings import XlwingsError

from riep import fy
from riep.checks.totals import check_total as _check_total
from riep.errors import InputError, RiepError
from riep.excel.config import settings
from riep.excel.faults import fault_message
from riep.excel.values import CellError, cellwise, flatten, grid, is_blank, to_date, to_number
from riep.reconcile.corkscrew import carry_forward as _carry_forward
from riep.records.eligibility import eligible as _eligible
from riep.records.funding import extra_funding_left as _extra_funding_left
from riep.risks.scoring import rag as _rag
from riep.risks.scoring import risk_score as _risk_score

__all__ = ["FUNCTIONS", "excel_function", "prepare_args", "value_error", "EXCEL_ROWS", "MAX_ROWS", "financial_year", "quarter", "check_total", "carry_forward",
           "risk_score", "rag", "eligible", "extra_funding_left"]


def _arg(doc: str) -> dict[str, Any]:
    """Argument options shared by both add-ins: always a 2-D block, error values kept as text."""
    return {"doc": doc, "ndim": 2, "err_to_str": True}


def _one(value: object, what: str) -> object:
    """An optional single-cell argument: ``None`` when left out or blank."""
    cells = [v for v in flatten(value) if not is_blank(v)]
    if len(cells) > 1:
        raise InputError(f"{what} must be one cell, not a range of {len(cells)}")
    return cells[0] if cells else None


def financial_year(
    date: Annotated[Any, _arg("A date, or a column of dates (e.g. a table's Date column).")],
) -> Any:
    """The UK financial year (1 April to 31 March) a date falls in, written like 2009/10. 15 January 2010 gives 2009/10. Give a column of dates to get a column of years."""
    return cellwise(lambda d: fy.financial_year(to_date(d)), ["date"], date)


def quarter(
    date: Annotated[Any, _arg("A date, or a column of dates.")],
) -> Any:
    """The financial quarter of a date, like Q3 2009/10 (Q1 is April to June, Q4 is January to March). Give a column of dates to get a column of quarters."""
    return cellwise(lambda d: fy.quarter(to_date(d)), ["date"], date)


def check_total(
    lines: Annotated[Any, _arg("The amounts that should add up to the total (£k), e.g. a theme's lines; or a "
                               "table of them, one row per total.")],
    stated: Annotated[Any, _arg("The total as stated in the plan (£k): one cell, or a column with one total per "
                                "row of lines.")],
    tolerance: Annotated[Any, _arg("Optional. How far apart (£k) still counts as agreeing; the partnership's "
                                   "tolerance (0.5) if left out.")] = None,
) -> Any:
    """Checks that lines add up to a stated total: OK if they agree within the tolerance, otherwise the stated total minus the sum of the lines (positive: money not itemised in any line). Text or error values among the lines are reported, where Excel's SUM would silently skip them. With a column of totals, each row of lines is checked against its own total."""
    rows, totals = grid(lines), grid(stated)
    limit = _one(tolerance, "tolerance")
    tol = settings().check.tolerance_k if limit is None else to_number(limit, "tolerance")
    if len(totals) == 1 and len(totals[0]) == 1:
        return _check_total([v for row in rows for v in row], totals[0][0], tol)
    if any(len(t) != 1 for t in totals) or len(totals) != len(rows):
        raise InputError(f"stated must be one cell, or one column with a total for each of the {len(rows)} "
                         f"row{'s' if len(rows) != 1 else ''} of lines")
    out: list[list[Any]] = []
    for row, (total,) in zip(rows, totals):
        if is_blank(total) and all(is_blank(v) for v in row):
            out.append([""])
            continue
        try:
            out.append([_check_total(row, total, tol)])
        except RiepError as exc:
            out.append([CellError(exc.detail)])
    return out


def carry_forward(
    opening: Annotated[Any, _arg("Money brought forward from last year (£k), or a column of them.")],
    funding: Annotated[Any, _arg("New funding received this year (£k), or a column.")],
    committed: Annotated[Any, _arg("Money committed (spent or promised) this year (£k), or a column.")],
) -> Any:
    """The balance carried forward to next year: opening carry-forward plus new funding minus committed (at year end all uncommitted money is added to the next year's budget). A negative result is an overspend: more committed than the money available. Type 0 where there is none. Give columns to work out every row at once."""
    return cellwise(_carry_forward, ["opening", "funding", "committed"], opening, funding, committed)


def risk_score(
    probability: Annotated[Any, _arg("How likely the risk is: High, Medium or Low (or 1 to 3), or a column of them.")],
    impact: Annotated[Any, _arg("How bad it would be: High, Medium or Low (or 1 to 3), or a column of them.")],
    scale: Annotated[Any, _arg("Optional. 3x3 (High/Medium/Low) or 5x5; the partnership's setting if left out.")] = None,
) -> Any:
    """The risk score: probability level times impact level (on 3x3, Low=1, Medium=2, High=3, so Medium and High give 6). Give columns to score a whole register at once."""
    s = settings().risks
    name = _one(scale, "scale") or s.scale
    return cellwise(lambda p, i: _risk_score(p, i, str(name), s), ["probability", "impact"], probability, impact)


def rag(
    score: Annotated[Any, _arg("A risk score (probability times impact), or a column of them.")],
    scale: Annotated[Any, _arg("Optional. 3x3 or 5x5; the partnership's setting if left out.")] = None,
) -> Any:
    """The RAG rating of a risk score: Red, Amber or Green, using the partnership's bands (on 3x3: 1-2 Green, 3-4 Amber, 6-9 Red)."""
    s = settings().risks
    name = _one(scale, "scale") or s.scale
    return cellwise(lambda x: _rag(x, str(name), s), ["score"], score)


def eligible(
    scores: Annotated[Any, _arg("The authority's assessment scores (1 to 4), one row per authority: e.g. its "
                                "Organisational Assessment, Use of Resources and Managing Performance scores.")],
    service_failure: Annotated[Any, _arg("Optional. Yes/No, or the failing service, for each row.")] = None,
    areas: Annotated[Any, _arg("Optional. The names of the score columns (e.g. their header cells), for the reason.")] = None,
) -> Any:
    """Is the authority eligible for support as an individual authority? Yes if it has an identified service failure or a score of 1 (the lowest) in any assessed area, with the reason, e.g. "Yes: score of 1 in Use of Resources"; otherwise No with its lowest score. Give a table of scores (one row per authority) for a column of answers."""
    rows = grid(scores)
    failures = grid(service_failure)
    if len(failures) not in (1, len(rows)) or any(len(r) != 1 for r in failures):
        raise InputError(f"service_failure must be one cell or one column of {len(rows)} rows, beside the scores")
    names = flatten(areas) if areas is not None else None
    out: list[list[Any]] = []
    for i, row in enumerate(rows):
        failure = failures[i if len(failures) > 1 else 0][0]
        if all(is_blank(v) for v in row) and is_blank(failure):
            out.append([""])
            continue
        try:
            out.append([_eligible(row, failure, names)[1]])
        except RiepError as exc:
            out.append([CellError(exc.detail)])
    return out


def extra_funding_left(
    approved: Annotated[Any, _arg("The extra funding already approved for the authority (£), e.g. a column of approvals.")],
    cap: Annotated[Any, _arg("Optional. The most a lead Chief Executive may agree (£); the partnership's cap "
                             "(£20,000) if left out.")] = None,
) -> Any:
    """How much of the additional-funding cap (up to £20,000 per authority, agreed by its lead Chief Executive) is left after the approvals given; negative when the approvals are over the cap."""
    limit = _one(cap, "cap")
    return _extra_funding_left(flatten(approved), settings().records.extra_funding_cap if limit is None
                               else to_number(limit, "cap"))


FUNCTIONS: list[Callable[..., Any]] = [financial_year, quarter, check_total, carry_forward, risk_score, rag, eligible,
                                       extra_funding_left]
"""Every RIEP worksheet function, in the order the function wizard lists them."""


EXCEL_ROWS = 1_048_576
"""Rows of a worksheet: an argument this tall is a whole column (``A:A``)."""

MAX_ROWS = 100_000
"""The most rows one argument may have once a whole column is trimmed to its last value."""

_TOO_LARGE = "the answer is too large for Excel to hold (beyond 1.8E+308)"


def _finite(value: object) -> object:
    """A number Excel (and JSON) can hold, else a :class:`CellError` saying why."""
    return CellError(_TOO_LARGE) if isinstance(value, float) and not math.isfinite(value) else value


def _shape(result: object, cell_error: Callable[[str], object]) -> object:
    """A 1x1 result as a single value; in an array, each failed cell becomes ``cell_error(message)``.

    A single cell that failed raises, so Excel shows #VALUE! with the message on the error flag.
    An infinite or NaN answer (``1E+308 + 1E+308``) is such a failed cell.
    """
    result = _finite(result)
    if isinstance(result, CellError):
        raise InputError(result.message)
    if not isinstance(result, list):
        return result
    if len(result) == 1 and isinstance(result[0], list) and len(result[0]) == 1:
        return _shape(result[0][0], cell_error)
    out = []
    for row in result:
        cells = [_finite(v) for v in row]
        out.append([cell_error(v.message) if isinstance(v, CellError) else v for v in cells])
    return out


def _arity(name: str, impl: Callable[..., Any], given: int) -> None:
    params = inspect.signature(impl).parameters.values()
    most = len(params)
    least = sum(1 for p in params if p.default is inspect.Parameter.empty)
    if least <= given <= most:
        return
    count = f"{least}" if least == most else f"{least} or {most}" if most == least + 1 else f"{least} to {most}"
    raise InputError(f"RIEP.{name} takes {count} argument{'s' if most != 1 else ''}, not {given}")


def _last_value_row(block: object) -> int:
    """How many rows of ``block`` are left once its trailing blank rows are dropped."""
    assert isinstance(block, list)
    for i in range(len(block) - 1, -1, -1):
        row = block[i]
        if any(not is_blank(v) for v in (row if isinstance(row, list) else [row])):
            return i + 1
    return 0


def prepare_args(name: str, impl: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Check the number of arguments and trim whole columns (``A:A``) to their last value.

    Whole-column arguments are cut to the same number of rows (the last row holding a value
    in any of them), so they stay aligned row by row. Raises :class:`InputError` when an
    argument still has more than :data:`MAX_ROWS` rows.
    """
    _arity(name, impl, len(args))
    whole = [i for i, a in enumerate(args) if isinstance(a, list) and len(a) >= EXCEL_ROWS]
    if whole:
        keep = max(_last_value_row(args[i]) for i in whole) or 1
        args = tuple(a[:keep] if i in whole else a for i, a in enumerate(args))
    names = list(inspect.signature(impl).parameters)
    for i, a in enumerate(args):
        if isinstance(a, list) and len(a) > MAX_ROWS:
            raise InputError(f"RIEP.{name} reads at most {MAX_ROWS:,} rows, and {names[i]} has {len(a):,}: give the "
                             "table's column (e.g. Funding[Opening]) rather than a whole column")
    return args


def value_error(message: str) -> object:
    """A failed cell in an array result for Office.js: the #VALUE! error value (xlwings sends it as one)."""
    return "#VALUE!"


def excel_function(impl: Callable[..., Any], *, name: str | None = None,
                   cell_error: Callable[[str], object] = value_error) -> Callable[..., Any]:
    """A new function object calling ``impl``, with its signature and help, ready for an xlwings decorator.

    This is the one boundary between the core and Excel: a :class:`RiepError` becomes an
    :class:`xlwings.XlwingsError`, which xlwings Server sends back as a #VALUE! error carrying
    the message (and does not retry), and classic xlwings shows as the cell's error. A wrong
    number of arguments, a whole column too long to read and an answer too large for Excel
    are such errors too. Anything else that goes wrong is a fault in riep: one log line, and a
    message asking for a report, so a cell never takes the server down or makes Excel retry.
    """

    label = (name or impl.__name__).upper()

    @functools.wraps(impl)
    def call(*args: Any) -> Any:
        try:
            return _shape(impl(*prepare_args(label, impl, args)), cell_error)
        except RiepError as exc:
            raise XlwingsError(exc.message) from None
        except XlwingsError:
            raise
        except Exception as exc:
            raise XlwingsError(fault_message(f"RIEP.{label}", exc, "the values you gave")) from None

    if name:
        call.__name__ = call.__qualname__ = name
    return call
