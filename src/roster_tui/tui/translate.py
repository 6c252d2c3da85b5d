"""Key bindings whose descriptions are catalog keys, translated when a screen is built.

``BINDINGS`` are class attributes, read before anyone has chosen a language, so descriptions
there hold i18n keys; each instance swaps in the text of the language current at its creation.
Textual copies the class's merged bindings into ``self._bindings`` in ``DOMNode.__init__``,
which is what the footer, help panel and command palette read.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from roster_tui.i18n import t


def translate_bindings(node: DOMNode) -> None:
    merged = type(node)._merged_bindings
    if merged is None:
        return
    translated = BindingsMap()
    for key, bindings in merged.key_to_bindings.items():
        translated.key_to_bindings[key] = [_translated(b) for b in bindings]
    node._bindings = translated


def _translated(binding: Binding) -> Binding:
    description = t(binding.description) if binding.description else ""
    tooltip = t(binding.tooltip) if binding.tooltip else ""
    group = binding.group
    if group is not None:  # the footer shows a pair of keys under one word: [ ] 换周
        group = Binding.Group(t(group.description), compact=group.compact)
    return dataclasses.replace(binding, description=description, tooltip=tooltip, group=group)


# Pairs of keys the footer shows under one word (F1 still lists each with its own).
WEEKS = Binding.Group("tui.key.weeks")
PAGES = Binding.Group("tui.key.pages")


def own_bindings(node: DOMNode) -> list[Binding]:
    """The node's bindings that this app declares (not Textual's generic ones, described in
    English), translated, the most specific class's first, one per action."""
    wanted: list[tuple[str, str]] = []
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("roster_tui"):
            continue
        for declared in cls.__dict__.get("BINDINGS", []):
            if isinstance(declared, Binding) and declared.description:
                wanted.append((declared.key, declared.action))
    found: dict[str, Binding] = {}
    for key, action in wanted:
        if action in found:
            continue
        for binding in node._bindings.key_to_bindings.get(key.split(",")[0].strip(), []):
            if binding.action == action:
                found[action] = binding
    return list(found.values())
