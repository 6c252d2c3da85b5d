"""Every string a person reads goes through :func:`t` (Chinese and English, both complete).

Catalogs live in ``i18n/catalogs/<area>.py``, each with a ``ZH`` and an ``EN`` dict of the same
keys, so each layer owns its wording and a test proves both languages are complete.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from functools import cache

LANGUAGES = ("zh", "en")
CATALOG_AREAS = (
    "common",
    "store",
    "store_db",
    "engine",
    "export",
    "export_care",
    "fill",
    "services",
    "cli",
    "reliability",
    "tui",
    "tui_today",
    "tui_week",
    "tui_gaps",
    "tui_fix",
    "tui_people",
    "tui_places",
    "places_setup",
    "tui_households",
    "tui_care",
    "tui_history",
    "tui_export",
    "tui_fill",
    "safety",
)

_current = "zh"


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """Chinese when ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` says ``zh``, else English."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


def current_language() -> str:
    return _current


@cache
def catalog(lang: str) -> dict[str, str]:
    """All keys of one language, merged over every area."""
    merged: dict[str, str] = {}
    for area in CATALOG_AREAS:
        try:
            module = importlib.import_module(f"roster_tui.i18n.catalogs.{area}")
        except ModuleNotFoundError:
            continue
        merged.update(getattr(module, lang.upper()))
    return merged


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in the current (or given) language, with ``{params}`` filled in.

    A missing key shows as the key itself rather than crashing a screen; the completeness test
    keeps that from ever shipping.
    """
    text = catalog(lang or _current).get(key, key)
    return text.format(**params) if params else text


def tn(key: str, count: int, /, **params: object) -> str:
    """``key``'s text for ``count`` things, given as ``{count}``: its ``.one`` form when there
    is one (English: 1 post, 2 posts; the Chinese forms are the same)."""
    wanted = f"{key}.one" if count == 1 else key
    return catalog(_current).get(wanted, wanted).format(count=count, **params)
