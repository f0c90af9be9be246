"""Issue 20, finding 10: names are kept as typed: a zero-width joiner or non-joiner inside
a name (emoji sequences, scripts that need them) stays; invisible characters at the ends,
or in runs, still go."""

from __future__ import annotations

import pytest

from core.validation import clean_name
from loopback import FakeTelegram
from tests.harness import Running, register

CODER = "Aigerim \U0001f469\u200d\U0001f4bb"  # woman technologist: 👩 ZWJ 💻
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 Rahimi"  # "mi<ZWNJ>khaham"


@pytest.mark.parametrize(("raw", "clean"), [
    (CODER, CODER),
    (PERSIAN, PERSIAN),
    ("\u200dAlice Smith\u200c", "Alice Smith"),  # at the ends
    ("Ali\u200d\u200d\u200dce", "Alice"),  # a run
    ("Alice \u200d Smith", "Alice Smith"),  # beside a space: joins nothing
    ("Ali\u200b\u200dce", "Alice"),  # beside another invisible character
])
def test_finding10_joiners_inside_a_name_stay(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


async def test_finding10_the_ledger_keeps_the_name_as_typed(fake: FakeTelegram,
                                                            running: Running) -> None:
    await register(fake.user(1, language_code="en"), name=CODER)
    await register(fake.user(2, language_code="en"), name=PERSIAN)
    desk = await running.desk()
    names = [(await desk.get(u)) for u in (1, 2)]
    assert [r.full_name if r else None for r in names] == [CODER, PERSIAN]
