"""Settings: every threshold a rule uses, with the source documents' values as defaults.

Settings come from a ``riep.toml`` file (``--config FILE``, or ``riep.toml`` in the current
folder), section by section; anything not given keeps its default. ``docs/settings.md``
documents every key. Example::

    [check]
    tolerance_k = 0.5          # £k: differences up to this are rounding

    [headers.Allocation]       # other header words your workbook uses
    "Amount (£k)" = ["Budget £k", "Approved £k"]
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from riep.errors import ConfigError
from riep.model import Model
from riep.partnership import BUILT_IN, PartnershipSettings, Profile

__all__ = ["CheckSettings", "ReconcileSettings", "RiskSettings", "RecordsSettings", "MonitorSettings", "ReportSettings",
           "PartnershipSettings", "LimitSettings", "Settings", "load_settings", "settings_toml", "unknown_setting"]


class CheckSettings(Model):
    """Thresholds for ``riep check`` (validate totals)."""

    model_config = ConfigDict(extra="forbid")

    tolerance_k: float = Field(
        0.5,
        ge=0,
        description="Differences up to this many £k are rounding, not errors. Published £k tables are "
        "rounded to the nearest £1k, so half of that is the default.",
    )
    pounds_min: float = Field(
        1000.0,
        ge=0,
        description="An amount declared in £ below this looks like it was written in £k or £m.",
    )
    thousands_max: float = Field(
        100000.0,
        gt=0,
        description="An amount declared in £k at or above this (£100m) looks like it was written in £.",
    )
    thousands_min: float = Field(
        100.0,
        ge=0,
        description="A fractional amount declared in £k below this looks like it was written in £m (e.g. 15.81). "
        "Whole numbers are never flagged: £65k lines are common.",
    )
    millions_max: float = Field(
        1000.0,
        gt=0,
        description="An amount declared in £m at or above this (£1bn) looks like it was written in £k (e.g. 12922).",
    )


class ReconcileSettings(Model):
    """Tolerances for ``riep reconcile`` (carry-forwards across financial years)."""

    model_config = ConfigDict(extra="forbid")

    tolerance_k: float = Field(
        0.5,
        ge=0,
        description="Differences up to this many £k between exact figures are rounding, not errors (balances are "
        "in £k rounded to £1k).",
    )
    approximate_tolerance_pct: float = Field(
        1.5,
        ge=0,
        le=100,
        description="A figure marked approximate (e.g. 'approximately £3.5m') may differ by this percentage of "
        "itself before a comparison fails. 'Approximately £3.5m' is rounded to £0.1m, i.e. +/- £50k, about 1.4% "
        "of £3.5m; the default 1.5% allows that.",
    )
    candidate_within_pct: float = Field(
        10.0,
        ge=0,
        le=100,
        description="A capital stream dated to an earlier year is named as a possible explanation of that year's "
        "unexplained income (REC-015) when its amount is within this percentage of the gap (Year One: £2.0m "
        "against £2.11m, 5.2%).",
    )


class MonitorSettings(Model):
    """Thresholds for ``riep monitor`` (in-year budget monitoring)."""

    model_config = ConfigDict(extra="forbid")

    tolerance_k: float = Field(0.5, ge=0, description="£k: a forecast this close to the budget is on budget.")
    slippage_pct: float = Field(
        10.0, ge=0, le=100,
        description="A line or theme forecast to spend less than its budget by more than this percentage is Amber "
        "(money at risk of going unspent); over budget is Red.")


class RiskSettings(Model):
    """Scoring for ``riep risks`` (the risk register): scales, RAG bands and the risk appetite."""

    model_config = ConfigDict(extra="forbid")

    scale: Literal["3x3", "5x5"] = Field(
        "3x3",
        description="The scale probability and impact are scored on: 3x3 is the delivery plan's High/Medium/Low "
        "(Improvement East, Year Two Delivery Plan (2009/10), risks table); 5x5 is the common five-point scale. Score = probability level x impact level.",
    )
    levels_3x3: list[str] = Field(
        ["Low", "Medium", "High"],
        min_length=3, max_length=3,
        description="The 3x3 scale's levels, lowest first (worth 1, 2, 3).",
    )
    levels_5x5: list[str] = Field(
        ["Very Low", "Low", "Medium", "High", "Very High"],
        min_length=5, max_length=5,
        description="The 5x5 scale's levels, lowest first (worth 1 to 5). The delivery plan's Low/Medium/High are 2/3/4 on it.",
    )
    green_max_3x3: int = Field(2, ge=1, le=9, description="3x3: scores up to this are Green (1-2).")
    amber_max_3x3: int = Field(4, ge=1, le=9, description="3x3: scores above green_max up to this are Amber (3-4); "
                               "higher scores (6, 9) are Red.")
    appetite_3x3: int = Field(2, ge=0, le=9, description="3x3: the highest score the partnership accepts without "
                              "action; every risk scoring more must have actions recorded.")
    green_max_5x5: int = Field(4, ge=1, le=25, description="5x5: scores up to this are Green (1-4).")
    amber_max_5x5: int = Field(12, ge=1, le=25, description="5x5: scores above green_max up to this are Amber "
                               "(5-12); higher scores (15-25) are Red.")
    appetite_5x5: int = Field(4, ge=0, le=25, description="5x5: the highest score accepted without action; every "
                              "risk scoring more must have actions recorded.")
    top_risks: int = Field(5, ge=1, description="How many of the highest-scoring risks the report lists.")

    @model_validator(mode="after")
    def _bands_in_order(self) -> RiskSettings:
        for scale in ("3x3", "5x5"):
            if getattr(self, f"green_max_{scale}") > getattr(self, f"amber_max_{scale}"):
                raise ValueError(f"green_max_{scale} must not be above amber_max_{scale}")
        return self


class RecordsSettings(Model):
    """Thresholds for ``riep records`` (support for individual authorities)."""

    model_config = ConfigDict(extra="forbid")

    extra_funding_cap: float = Field(
        20000.0,
        ge=0,
        description="£: the most additional funding a lead Chief Executive may agree for one authority (Improvement East, "
        "Support for individual authorities (role of the lead Chief Executive), duty 5: 'up to £20,000'). Approvals of the capped kinds are added up over the whole case.",
    )
    capped_kinds: list[str] = Field(
        ["additional", "urgent"],
        description="SupportFunding kinds that count against the extra-funding cap (core funding does not).",
    )
    max_days_per_month: float = Field(
        1.0,
        gt=0,
        description="The lead Chief Executive's time is not expected to exceed this many days a month (Improvement East, Support "
        "for individual authorities (role of the lead Chief Executive): 'not expected that this role will exceed the "
        "equivalent of one day per month').",
    )
    max_meeting_gap_weeks: float = Field(
        6.0,
        gt=0,
        description="The board should meet at least every this many weeks while the case is in its first year "
        "(Improvement East, Support for individual authorities (Improvement Board): 'at least initially, the "
        "Group/Board should meet every six weeks').",
    )
    first_year_days: int = Field(
        365,
        ge=0,
        description="How long after the board is established the meeting-gap rule applies ('initially').",
    )
    report_due_days: int = Field(
        30,
        ge=0,
        description="A quarterly progress report is due this many days after its financial quarter ends (the documents "
        "require quarterly reports but set no deadline). A date typed in the Due column overrides it.",
    )
    ni179_target_pct: float = Field(
        3.0,
        ge=0,
        description="NI 179 cash-releasing savings expected each year (%); a projection below it puts an authority "
        "on the early-warning list (Improvement East, Year Two Delivery Plan (2009/10), section 3.3: some authorities project 1.5% against 3%).",
    )
    allocation_line: str = Field(
        "Individual Authorities",
        description="The allocation line that pays for support to individual authorities (Year Two: £1,000k).",
    )

    @model_validator(mode="after")
    def _known_kinds(self) -> RecordsSettings:
        unknown = [k for k in self.capped_kinds if k not in ("core", "additional", "urgent")]
        if unknown:
            raise ValueError(f"capped_kinds may only name core, additional or urgent, not {', '.join(unknown)}")
        return self


class ReportSettings(Model):
    """How printed reports and PDFs are headed."""

    model_config = ConfigDict(extra="forbid")

    partnership: str = Field(
        "",
        description="The partnership's name in every report's page header and first page. Empty: the workbook's "
        "Settings table (its Organisation, else its Partnership's title), else the title of [partnership] default "
        "when set here, else the workbook's document title (the words before ' - ', e.g. 'Improvement East').",
    )


class LimitSettings(Model):
    """Bounds on the work one workbook may ask for: a damaged or hostile file is refused, never followed."""

    max_part_mb: float = Field(
        256, gt=0,
        description="The largest part (a sheet's XML, unpacked) riep unpacks, in MB; a larger one (a zip bomb, or a "
                    "sheet far beyond what these workbooks hold) is refused before it is unpacked.",
    )
    max_table_cells: int = Field(
        5_000_000, ge=1,
        description="The most cells (rows x columns) a table may span; a table claiming more is refused before it is "
                    "read.",
    )
    max_columns: int = Field(1_000, ge=1, description="The most columns a table may have.")
    max_seconds: int = Field(
        900, ge=0,
        description="Stop a command that runs longer than this many seconds (0: no limit); it exits 2 naming the "
                    "workbook it was reading.",
    )


class Settings(Model):
    """All settings. Each job owns one section; ``headers`` maps other header words to the contract's."""

    model_config = ConfigDict(extra="forbid")

    check: CheckSettings = Field(default_factory=CheckSettings)
    reconcile: ReconcileSettings = Field(default_factory=ReconcileSettings)
    risks: RiskSettings = Field(default_factory=RiskSettings)
    records: RecordsSettings = Field(default_factory=RecordsSettings)
    monitor: MonitorSettings = Field(default_factory=MonitorSettings)
    partnership: PartnershipSettings = Field(default_factory=PartnershipSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    headers: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict,
        description="Per table, contract header -> other words a workbook may use for it.",
    )


def load_settings(path: str | Path | None = None) -> Settings:
    """Read settings from ``path`` (or ``./riep.toml`` if it exists); defaults otherwise."""
    if path is None:
        default = Path("riep.toml")
        if not default.is_file():
            return Settings()
        path = default
    path = Path(path)
    if not path.is_file():
        raise ConfigError("settings file not found", file=path)
    import tomllib

    try:  # utf-8-sig: Notepad saves UTF-8 with a byte-order mark
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"is not valid TOML ({exc})", file=path) from None
    unknown = unknown_setting(data)
    if unknown is not None:
        raise ConfigError(unknown, file=path)
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"setting '{key}' is not valid: {first['msg']}", file=path) from None


def _nearest(name: str, valid: list[str]) -> str:
    import difflib

    return (difflib.get_close_matches(name, valid, n=1, cutoff=0.0) or valid)[0]


def unknown_setting(data: dict[str, object]) -> str | None:
    """What is wrong with the first section or key of ``data`` that riep does not know, and the nearest one it
    does (``None`` when every one is known): a misspelt setting must not be silently ignored."""
    sections = list(Settings.model_fields)
    for name, value in data.items():
        if name not in Settings.model_fields:
            return f"unknown section [{name}]; did you mean [{_nearest(name, sections)}]?"
        model = Settings.model_fields[name].annotation
        if not (isinstance(value, dict) and isinstance(model, type) and issubclass(model, BaseModel)):
            continue  # [headers.<Table>] names tables, and a section that is not a table is a type error
        keys = list(model.model_fields)
        for key in value:
            if key not in model.model_fields:
                return f"unknown setting '{name}.{key}'; did you mean '{name}.{_nearest(key, keys)}'?"
    return None


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f'"{k}" = {_toml_value(v)}' for k, v in value.items()) + " }"
    return str(value)


def _profiles_toml() -> list[str]:
    """The built-in partnership profiles, commented out: copy one under a new key to make your own."""
    lines: list[str] = []
    for name, profile in BUILT_IN.items():
        lines.append(f"# [partnership.profiles.{name}]")
        for key, field in Profile.model_fields.items():
            lines += [f"#   # {text}" for text in textwrap.wrap(field.description or "", 92)]
            lines.append(f"#   {key} = {_toml_value(getattr(profile, key))}")
    return lines


def settings_toml() -> str:
    """Every setting with its default and description, as a ``riep.toml`` a user can copy and edit."""
    lines = ["# riep settings: every key with its default. Copy to riep.toml and change what you need.", ""]
    defaults = Settings()
    for name in Settings.model_fields:
        section = getattr(defaults, name)
        if not isinstance(section, BaseModel):
            continue
        lines.append(f"[{name}]")
        doc = (type(section).__doc__ or "").strip().splitlines()
        if doc:
            lines.append(f"# {doc[0]}")
        for key, sub in type(section).model_fields.items():
            lines += [f"# {text}" for text in textwrap.wrap(sub.description or "", 96)]
            if key == "profiles" and isinstance(section, PartnershipSettings):
                lines += _profiles_toml()
                continue
            lines.append(f"{key} = {_toml_value(getattr(section, key))}")
        lines.append("")
    lines += [
        "# [headers.<Table>]: other header words a workbook uses for a contract column, e.g.",
        "# [headers.Allocation]",
        '# "Amount (£k)" = ["Budget £k", "Approved £k"]',
        "",
    ]
    return "\n".join(lines)
