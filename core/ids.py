"""Numbers that buttons carry, validated where the button data is parsed: a forged value
outside SQLite's integer range must read as an out-of-date button, not reach the database
(where it would raise OverflowError)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

SQLITE_MAX = 2**63 - 1

RowId = Annotated[int, Field(ge=0, le=SQLITE_MAX)]  # a registration's or an event's id
Version = Annotated[int, Field(ge=0, le=SQLITE_MAX)]  # a registration's version
Page = Annotated[int, Field(ge=0, le=1_000_000)]
