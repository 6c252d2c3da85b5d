"""The guard before TOML parsing: absurd nesting or dotted keys are refused, on the right line.

The guard first asks a quick question of the whole text and scans it token by token only when
the answer is yes; both must agree on every text, or a file could slip past the guard.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roster_tui.interchange import InterchangeError, loads_roster
from roster_tui.interchange.reader import (
    MAX_DOTS_PER_LINE,
    MAX_NESTING,
    _absurd_line,
    _shape_may_be_absurd,
)

# The characters the scan cares about, and a few it must pass over.
_PIECES = st.sampled_from(
    ["[", "]", "{", "}", ".", "\n", '"', "'", "#", "\\", '"""', "'''", "a", " ", "=", "字"]
)
_TEXTS = st.lists(_PIECES, max_size=200).map("".join)


@given(_TEXTS)
def test_the_quick_question_agrees_with_the_token_scan(text: str) -> None:
    assert _shape_may_be_absurd(text) == (_absurd_line(text) is not None)


@given(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["[", "{", "."]))
def test_the_quick_question_agrees_at_the_bounds(before: int, count: int, char: str) -> None:
    closing = {"[": "]", "{": "}", ".": ""}[char]
    text = "a\n" * before + "x = " + char * count + closing * count + "\n"
    assert _shape_may_be_absurd(text) == (_absurd_line(text) is not None)


def test_brackets_and_dots_inside_strings_and_comments_do_not_count() -> None:
    inside = "[" * 50 + "." * 50
    for text in (
        f'a = "{inside}"\n',
        f"a = '{inside}'\n",
        f'a = """\n{inside}\n"""\n',
        f"a = '''\n{inside}\n'''\n",
        f"# {inside}\n",
    ):
        assert not _shape_may_be_absurd(text) and _absurd_line(text) is None


@pytest.mark.parametrize(
    ("tail", "line"),
    [
        ("x = " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1), 3),
        ("[" + ".".join(["k"] * (MAX_DOTS_PER_LINE + 2)) + "]", 3),
    ],
)
def test_an_absurd_shape_is_refused_on_its_line(tail: str, line: int) -> None:
    with pytest.raises(InterchangeError) as caught:
        loads_roster('format = "roster-tui/1"\n\n' + tail + "\n")
    (problem,) = caught.value.problems
    assert problem.message == "import.too_deep" and problem.line == line
