"""CSV that opens right in Excel where the organisers are: UTF-8 with a BOM (Excel then
reads Cyrillic), ";" under a Russian or Kazakh locale, and no cell a spreadsheet could run
as a formula."""

from __future__ import annotations

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(cell: str) -> str:
    """OWASP CSV injection advice: a leading apostrophe makes the cell plain text. Phone
    numbers ('+7...') get it too: Excel would otherwise turn them into numbers."""
    return "'" + cell if cell.startswith(DANGEROUS) else cell


def delimiter(language: str) -> str:
    """Excel under a Russian or Kazakh locale splits CSV at ";" (the decimal mark there is
    a comma), elsewhere at ","."""
    return ";" if language in ("ru", "kk") else ","
