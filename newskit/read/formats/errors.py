"""What a reader returns for an input it cannot read."""
from __future__ import annotations

from typing import NamedTuple


class Reject(NamedTuple):
    """An input (a file, or `file:LINE` for one record) that could not be read, and why."""

    path: str
    reason: str
