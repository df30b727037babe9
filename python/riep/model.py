"""The base of riep's pydantic models: the configuration every model shares, in one place."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Model"]


class Model(BaseModel):
    """A validated riep value.

    Its validator is built the first time a model is used, not when its module is imported, so a
    command pays only for the models it uses. (For ``riep check``, which uses most of the models it
    imports, this measured the same as building them at import: 1.84 against 1.83 billion
    instructions.)
    """

    model_config = ConfigDict(defer_build=True)
