"""Settings: every threshold a rule uses, with the seed documents' values as defaults.

Settings come from a ``riep.toml`` file (``--config FILE``, or ``riep.toml`` in the current
folder), section by section; anything not given keeps its default. ``docs/settings.md``
documents every key. Example::

    [check]
    tolerance_k = 0.5          # £k: differences up to this are rounding

    [headers.Allocation]       # other header words your workbook uses
    "Amount (£k)" = ["Budget £k", "Approved £k"]
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from riep.errors import ConfigError

__all__ = ["CheckSettings", "Settings", "load_settings"]


class CheckSettings(BaseModel):
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


class Settings(BaseModel):
    """All settings. Each job owns one section; ``headers`` maps other header words to the contract's."""

    model_config = ConfigDict(extra="allow")

    check: CheckSettings = Field(default_factory=CheckSettings)
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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"is not valid TOML ({exc})", file=path) from None
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"setting '{key}' is not valid: {first['msg']}", file=path) from None
