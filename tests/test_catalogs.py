"""Both languages complete, and no ambiguous-width glyph in what the terminal shows."""

from __future__ import annotations

import importlib
import string
import unicodedata

import pytest

from roster_tui.i18n import CATALOG_AREAS

# Printed and exported files may use typographic marks (第1版 · 打印于 …): a printer has no
# ambiguous widths. Everything else is shown in a terminal.
PRINTED_ONLY = {"export"}


def _catalogs() -> list[tuple[str, dict[str, str], dict[str, str]]]:
    found = []
    for area in CATALOG_AREAS:
        try:
            module = importlib.import_module(f"roster_tui.i18n.catalogs.{area}")
        except ModuleNotFoundError:
            continue
        found.append((area, module.ZH, module.EN))
    return found


@pytest.mark.parametrize(
    ("area", "zh", "en"), _catalogs(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_chinese_and_english_have_the_same_keys_and_placeholders(
    area: str, zh: dict[str, str], en: dict[str, str]
) -> None:
    assert zh.keys() == en.keys(), area
    for key in zh:
        fields_zh = {f for _, f, _, _ in string.Formatter().parse(zh[key]) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en[key]) if f}
        assert fields_zh == fields_en, (area, key)


def test_no_terminal_text_uses_an_ambiguous_width_glyph() -> None:
    offenders = [
        (area, key, char)
        for area, zh, en in _catalogs()
        if area not in PRINTED_ONLY
        for catalog in (zh, en)
        for key, text in catalog.items()
        for char in text
        if unicodedata.east_asian_width(char) == "A"
    ]
    assert offenders == []
