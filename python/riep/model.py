"""The base of riep's pydantic models: the configuration every model shares, in one place."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Model"]


class Model(BaseModel):
    """A validated riep value.

    Its validator is built the first time a model is used, not when its module is imported: a command
    pays only for the models it uses (``riep check`` uses a few of the thirty-odd).
    """

    model_config = ConfigDict(defer_build=True)
