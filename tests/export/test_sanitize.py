"""Untrusted text is made harmless before it reaches any file (docs/format.md, "Bad input")."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from roster_tui.export import neutralise_formula, sanitize
from roster_tui.i18n.catalogs import export as catalog


def test_terminal_escape_sequences_are_shown_not_obeyed() -> None:
    assert sanitize("王\x1b[31m红") == "王\\x1b[31m红"


def test_bidirectional_overrides_and_c1_controls_are_shown_escaped() -> None:
    assert sanitize("a\u202eb\x9bc\x7f") == "a\\u202eb\\x9bc\\x7f"


def test_line_breaks_and_tabs_become_spaces() -> None:
    assert sanitize("孕妇\r\n需产检\t报备\u2028完") == "孕妇  需产检 报备 完"


def test_noncharacters_are_shown_escaped() -> None:
    assert sanitize("a\ufffeb\uffff\ufdd0") == "a\\ufffeb\\uffff\\ufdd0"


def test_names_outside_the_basic_plane_and_emoji_joiners_are_kept() -> None:
    assert sanitize("𠮷明") == "𠮷明"
    family = "👨\u200d👩\u200d👧"
    assert sanitize(family) == family


def test_none_becomes_empty_text() -> None:
    assert sanitize(None) == ""


@given(st.text())
def test_sanitized_text_holds_no_control_or_format_character(text: str) -> None:
    cleaned = sanitize(text)
    assert all(
        unicodedata.category(c) not in {"Cc", "Cf", "Cs", "Zl", "Zp"} or c in "\u200c\u200d"
        for c in cleaned
    )
    assert "\ufffe" not in cleaned and "\uffff" not in cleaned
    assert sanitize(cleaned) == cleaned


def test_text_starting_like_a_formula_gets_a_quote() -> None:
    for text in ("=1+2", "+周九", "-赵六", "@钱七", "\tx", "\rx", "  =SUM(A1)"):
        assert neutralise_formula(text) == "'" + text
    assert neutralise_formula("张伟") == "张伟"
    assert neutralise_formula("a=b") == "a=b"


def test_the_export_catalog_has_the_same_keys_in_both_languages() -> None:
    assert set(catalog.ZH) == set(catalog.EN)
    assert all(catalog.ZH[k] and catalog.EN[k] for k in catalog.ZH)
