"""What every modal form shares: a title, labelled fields, an error line, OK and cancel.

A form names its box (``BOX_ID``), the prefix of its widget ids (``ID_PREFIX``: ``pf`` gives
``#pf-name``, ``#pf-error``, ``#pf-ok``) and the catalog prefix of its labels (``LABELS``). It
yields its fields from :meth:`compose_fields` with :meth:`row`, and builds its answer in
:meth:`read`, raising :class:`FieldErrors` (every field's problem at once, each shown under its
field) or ``ValueError`` with one message when the input will not do. Nothing typed is lost.
Enter in any box, Ctrl+S or OK saves; Escape or cancel dismisses with None.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from roster_tui.i18n import t
from roster_tui.tui.translate import translate_bindings

AnswerT = TypeVar("AnswerT")


class FieldErrors(ValueError):
    """What is wrong with each field, by field name; the form shows each under its field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("\n".join(errors.values()))
        self.errors = errors


class FormModal(ModalScreen[AnswerT | None]):
    """Dismisses with what :meth:`read` returns, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss"]  # a form lists its own .tcss after this one
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("ctrl+s", "save", "tui.key.ok"),
    ]
    BOX_ID: ClassVar[str]
    ID_PREFIX: ClassVar[str]
    LABELS: ClassVar[str]
    SCROLLS: ClassVar[bool] = True  # a short form stays a plain box: no extra Tab stop on it

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    # -- what a form provides -----------------------------------------------------------------
    def heading(self) -> str:
        raise NotImplementedError

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def read(self) -> AnswerT:
        """The answer the form describes; ValueError with the message to show otherwise."""
        raise NotImplementedError

    # -- helpers for the fields -----------------------------------------------------------------
    def field_id(self, field: str) -> str:
        return f"{self.ID_PREFIX}-{field}"

    def text_box(self, field: str, value: str = "", placeholder: str = "") -> Input:
        box = Input(value, placeholder=placeholder, compact=True, id=self.field_id(field))
        box.cursor_blink = False  # no blinking cursor over SSH
        return box

    def text(self, field: str) -> str:
        """What the box of ``field`` holds, without surrounding blanks."""
        return self.query_one(f"#{self.field_id(field)}", Input).value.strip()

    def row(self, field: str, widget: Widget) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(t(f"{self.LABELS}.{field}"), classes="form-label")
            yield widget
        note = Static("", id=self.field_id(f"{field}-error"), classes="field-error")
        note.display = False
        yield note

    # -- the frame ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        box = VerticalScroll if self.SCROLLS else Vertical
        with box(id=self.BOX_ID, classes="form-box"):
            yield Static(Content(self.heading()), classes="title")  # titles may quote names
            yield from self.compose_fields()
            yield Static("", id=self.field_id("error"), classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(
                    t("tui.key.ok"), variant="primary", compact=True, id=self.field_id("ok")
                )
                yield Button(t("tui.key.cancel"), compact=True, id=self.field_id("cancel"))

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == self.field_id("ok"):
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        for note in self.query(".field-error").results(Static):
            note.display = False
        message = self.query_one(f"#{self.field_id('error')}", Static)
        try:
            answer = self.read()
        except FieldErrors as exc:
            for field, problem in exc.errors.items():
                note = self.query_one(f"#{self.field_id(f'{field}-error')}", Static)
                note.update(Content(problem))  # Content, not markup: problems quote input
                note.display = True
            message.update(Content(t("safety.form.fix", count=len(exc.errors))))
            return
        except ValueError as exc:
            message.update(Content(str(exc)))
            return
        self.dismiss(answer)
