"""Custom-token authentication for the RIEP add-in (``auth_providers = ["custom"]``).

Every request from Excel carries the token the user typed in the task pane; it must equal
the ``RIEP_ADDIN_TOKEN`` environment variable of the server. Use Entra ID (``["entraid"]``)
instead where the organisation has it: it needs no shared secret.
"""

from __future__ import annotations

import os
import secrets

from fastapi import HTTPException, status
from xlwings_server.models import User

__all__ = ["validate_token"]


async def validate_token(token_string: str) -> User:
    """The RIEP user if ``token_string`` is the server's token; 401 otherwise."""
    expected = os.environ.get("RIEP_ADDIN_TOKEN", "")
    if not expected:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED,
                            detail="The server has no RIEP_ADDIN_TOKEN set, so no token can be accepted.")
    if not secrets.compare_digest(token_string.encode(), expected.encode()):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED,
                            detail="The RIEP token is not right: type it again in the task pane (Findings).")
    return User(id="riep-token", name="RIEP user")
