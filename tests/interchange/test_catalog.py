"""Every message the interchange code can produce exists in Chinese and in English."""

from __future__ import annotations

import re
from pathlib import Path

import roster_tui.interchange as interchange
from roster_tui.i18n.catalogs import store

KEY = re.compile(r"""["'](import\.[a-z_.0-9]+)["']""")


def test_chinese_and_english_have_the_same_keys() -> None:
    assert set(store.ZH) == set(store.EN)


def test_every_message_used_by_the_code_is_in_the_catalog() -> None:
    package = Path(interchange.__file__).parent
    used = {key for path in package.glob("*.py") for key in KEY.findall(path.read_text("utf-8"))}
    assert used, "the pattern finds the keys the code uses"
    assert used <= set(store.ZH)


def test_messages_take_the_same_parameters_in_both_languages() -> None:
    fields = re.compile(r"{(\w+)}")
    for key, zh in store.ZH.items():
        assert set(fields.findall(zh)) == set(fields.findall(store.EN[key])), key
