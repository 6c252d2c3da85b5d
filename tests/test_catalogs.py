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


@pytest.mark.parametrize(
    ("area", "zh", "en"), _catalogs(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_singular_form_has_its_plural_and_counts(
    area: str, zh: dict[str, str], en: dict[str, str]
) -> None:
    for key in (k for k in en if k.endswith(".one")):
        plural = key.removesuffix(".one")
        assert plural in en, (area, key)
        assert "{count}" in en[key] and "{count}" in en[plural], (area, key)


@pytest.mark.parametrize(
    ("key", "one", "two"),
    [
        ("action.fill", "Auto-fill: 1 change", "Auto-fill: 2 changes"),
        ("tui.fill.left_title", "1 gap cannot be closed", "2 gaps cannot be closed"),
        ("tui.fill.repairs_title", "1 change (who", "2 changes (who"),
    ],
)
def test_a_fill_counts_one_thing_in_the_singular_in_english(key: str, one: str, two: str) -> None:
    from roster_tui.i18n import set_language, tn

    set_language("en")
    assert tn(key, 1).startswith(one)
    assert tn(key, 2).startswith(two)
