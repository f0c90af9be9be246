"""The font every picture and PDF the bot makes draws with: DejaVu Sans (Latin, Cyrillic
and the Kazakh letters әғқңөұүһі), shipped in services/fonts/ with its licence, so an install
needs no system fonts."""

from __future__ import annotations

from importlib import resources


def font_path() -> str:
    return str(resources.files("services").joinpath("fonts", "DejaVuSans.ttf"))
