"""Result sheets as plain data, written by openpyxl (``--write-sheet``) or by the Excel add-in.

A job describes the sheet it produces once, as :class:`SheetContent`: columns, rows (a
string starting with ``=`` is a live formula), in-workbook hyperlinks, row fills, the cells
of the source sheets to highlight, and optional pictures and charts. Both writers render the
same content, so the ribbon button and the CLI write the same findings.
"""

from __future__ import annotations

from pathlib import PurePath

from pydantic import Field

from riep.findings import FileReport, Severity
from riep.model import Model
from riep.money import XL_K, XL_K_SIGNED

__all__ = [
    "Column",
    "Link",
    "Picture",
    "Chart",
    "SheetContent",
    "SEVERITY_FILL",
    "HIGHLIGHT_FILL",
    "findings_sheet",
    "FINDING_COLUMNS",
    "contrast_text",
]

SEVERITY_FILL = {Severity.ERROR: "F8CBAD", Severity.WARNING: "FFE699", Severity.INFO: "DDEBF7"}
HIGHLIGHT_FILL = SEVERITY_FILL


class Column(Model):
    """A result column: header, width in characters, Excel number format."""

    name: str
    width: float = 14
    number_format: str | None = None
    centred: bool = Field(default=False, description="Values centred (a rating beside figures); counts always are.")


class Link(Model):
    """A place in the workbook: ``sheet`` and A1 ``cell``."""

    sheet: str
    cell: str

    @property
    def target(self) -> str:
        """Hyperlink location text, e.g. ``'Allocation'!E31``."""
        return f"'{self.sheet}'!{self.cell}"


class Picture(Model):
    """A PNG placed on the sheet with its top-left corner at ``anchor``."""

    anchor: str
    png: bytes
    width_px: int | None = None
    height_px: int | None = None


class Chart(Model):
    """A native Excel chart over ranges of this sheet: ``kind`` is ``column`` or ``bar``."""

    kind: str = "column"
    title: str
    anchor: str
    categories: str = Field(description="A1 range of category labels on this sheet, e.g. A5:A10.")
    values: list[str] = Field(description="A1 ranges of the series values on this sheet.")
    series_names: list[str] = Field(default_factory=list)
    y_title: str | None = None
    stacked: bool = False
    invisible_series: list[int] = Field(default_factory=list, description="Series drawn without fill (waterfall bases).")
    width_cm: float = 18
    height_cm: float = 9
    point_fills: dict[int, str] = Field(
        default_factory=dict, description="Category index -> RGB of the drawn bars there (neutral build-up, red "
        "shortfall, green surplus); unset bars keep the chart's colour.")
    outside_labels: list[int] = Field(
        default_factory=list, description="Category indexes whose bar may be too short to hold its label: the label "
        "then stands on the plot's white, so it is dark whatever the bar's colour.")

    def label_colours(self) -> dict[int, str]:
        """RGB of each coloured bar's label: one that reads on its bar (:func:`contrast_text`), dark where the label
        may stand beside a short bar."""
        return {i: DARK_TEXT if i in self.outside_labels else contrast_text(rgb) for i, rgb in self.point_fills.items()}


def _luminance(rgb: str) -> float:
    """Relative luminance of ``RRGGBB`` (WCAG 2)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(rgb[k:k + 2], 16) / 255) for k in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


DARK_TEXT, LIGHT_TEXT = "262626", "FFFFFF"


def contrast_text(fill: str) -> str:
    """The label colour that reads best on a ``fill`` (``RRGGBB``): white on a dark bar, near-black on a light one
    (whichever has the higher WCAG contrast ratio)."""
    lum = _luminance(fill.lstrip("#"))
    return LIGHT_TEXT if (1.05 / (lum + 0.05)) > (lum + 0.05) / (_luminance(DARK_TEXT) + 0.05) else DARK_TEXT


class SheetContent(Model):
    """One result sheet."""

    name: str
    title: str
    subtitle: str | None = None
    table_name: str | None = Field(default=None, description="Write the rows as an Excel Table with this name.")
    columns: list[Column]
    rows: list[list[object]] = Field(default_factory=list)
    links: dict[tuple[int, int], Link] = Field(
        default_factory=dict, description="(row index, column index) of a result cell -> where it links to."
    )
    row_fills: dict[int, str] = Field(default_factory=dict, description="Row index -> RGB fill.")
    row_formats: dict[int, str] = Field(
        default_factory=dict, description="Row index -> number format of that row's figures in place of their "
        "columns' (e.g. headroom, which reads \"none\" when nothing is left).")
    highlights: dict[str, list[Link]] = Field(
        default_factory=dict, description="RGB fill -> source cells to highlight (format only, never values)."
    )
    pictures: list[Picture] = Field(default_factory=list)
    charts: list[Chart] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Lines written under the table.")
    page_breaks: list[int] = Field(default_factory=list, description="Row indexes that start a printed page.")
    hidden_rows: list[int] = Field(default_factory=list, description="Row indexes hidden on screen and in print "
                                   "(a chart's helper figures; the chart still draws them).")
    landscape: bool = True

    @property
    def first_row(self) -> int:
        """Excel row of the header (title, subtitle and a blank line come first)."""
        return 4 if self.subtitle else 3


FINDING_COLUMNS = [
    Column(name="Severity", width=10),
    Column(name="Rule", width=10),
    Column(name="Sheet", width=14),
    Column(name="Cell", width=8),
    Column(name="Scope", width=24),
    Column(name="Expected", width=13, number_format=XL_K),
    Column(name="Actual", width=13, number_format=XL_K),
    Column(name="Difference", width=13, number_format=XL_K_SIGNED),
    Column(name="Unit", width=6),
    Column(name="Message", width=90),
]


def _same_file(a: str, b: str) -> bool:
    """Do two paths as given name the same workbook (compared by their normalised form)?"""
    norm = lambda p: PurePath(p.replace(chr(92), "/")).as_posix().lstrip("./")  # noqa: E731
    return not a or not b or norm(a) == norm(b)


def _value(v: float | str | None) -> object:
    return v


def findings_sheet(report: FileReport, *, name: str = "Checks", title: str = "Checks") -> SheetContent:
    """The standard findings sheet: one row per finding, the Cell column linking to the cell."""
    rows: list[list[object]] = []
    links: dict[tuple[int, int], Link] = {}
    fills: dict[int, str] = {}
    highlights: dict[str, list[Link]] = {}
    for i, f in enumerate(report.sorted().findings):
        here = _same_file(f.file, report.path)
        sheet = f.sheet or ""
        if sheet and not here:  # a cell of another workbook: name the file, since a link could not reach it
            sheet = f"{sheet} in {PurePath(f.file.replace(chr(92), '/')).name}"
        rows.append([
            f.severity.value, f.rule, sheet, f.cell or "", f.scope or "",
            _value(f.expected), _value(f.actual), f.difference, f.unit or "", f.message,
        ])
        fills[i] = SEVERITY_FILL[f.severity]
        if f.sheet and f.cell and here:
            link = Link(sheet=f.sheet, cell=f.cell)
            links[(i, 3)] = link
            if f.severity is not Severity.INFO:
                highlights.setdefault(SEVERITY_FILL[f.severity], []).append(link)
    s = report.summary
    return SheetContent(
        name=name,
        title=title,
        subtitle=f"{report.path}: {s.text()}",
        table_name=f"{name}Findings",
        columns=FINDING_COLUMNS,
        rows=rows,
        links=links,
        row_fills=fills,
        highlights=highlights,
    )



