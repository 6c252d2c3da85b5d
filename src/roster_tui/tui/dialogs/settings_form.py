"""Edit the sub-district's rule settings: rest hours, weekly hours, carer limit and the rest.

Each value is checked by the interchange file's own ``[settings]`` rules (the import's bounds);
what is wrong is shown under each field, all at once, and nothing typed is lost. A blank box
means the default value, as a key left out of the file does.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from roster_tui.domain.model import Settings
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.place_rows import SetupErrors, settings_from
from roster_tui.tui.dialogs.form_modal import FormModal
from roster_tui.tui.dialogs.place_form import field_errors

# The settings the form edits, in the file's order.
SETTING_FIELDS = (
    "min_rest_hours",
    "max_hours_per_week",
    "max_households_per_carer",
    "quarantine_days",
    "request_hours",
    "fever_temperature",
)


def shown(value: float) -> str:
    """A setting as a person types it: ``8``, not ``8.0``."""
    return f"{value:g}"


class SettingsForm(FormModal[Settings]):
    """Dismisses with the settings to save (unchanged ones too), or None."""

    CSS_PATH = ["form_modal.tcss", "settings_form.tcss"]
    BOX_ID = "settings-form"
    ID_PREFIX = "stf"
    LABELS = "setup.settings"  # six problems at once may not fit 24 lines: the box scrolls

    def __init__(self, before: Settings, subdistrict: str) -> None:
        super().__init__()
        self.before = before
        self.subdistrict = subdistrict

    def heading(self) -> str:
        return t("setup.settings.title", subdistrict=printable(self.subdistrict))

    def compose_fields(self) -> ComposeResult:
        defaults = Settings()
        for field in SETTING_FIELDS:
            hint = t("setup.settings.hint", value=shown(getattr(defaults, field)))
            box = self.text_box(field, shown(getattr(self.before, field)), hint)
            yield from self.row(field, box)
        yield Static(t("setup.settings.note"), classes="form-hint", markup=False)

    def read(self) -> Settings:
        typed = {field: self.text(field) for field in SETTING_FIELDS}
        try:
            return settings_from(self.before, typed)
        except SetupErrors as bad:
            raise field_errors(bad, SETTING_FIELDS) from None
