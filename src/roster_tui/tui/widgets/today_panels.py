"""The today screen's panels: who is on duty, the gap counts and the household lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import pendulum
from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.data_table import RowKey
from textual.widgets.option_list import Option

from roster_tui.domain.clock import format_hhmm
from roster_tui.domain.gaps import GapKind, UnavailableReason
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Roster
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.engine.describe import gap_kind_label
from roster_tui.i18n import t
from roster_tui.services.care_views import CareAlerts
from roster_tui.services.overview import DutyNow, HouseholdSummary
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.cells import clip
from roster_tui.tui.widgets.gap_table import refill

DUTY_COLUMNS = ("post", "shift", "time", "next", "people")
# Too narrow for every column, the post is cut first, then the shift (cells kept of each), and
# who is on duty last: the names are what the table is read for.
DUTY_CUT = ((0, 10), (1, 6), (4, 0))
HANDOVER_PLACE = 8  # cells of the post's name the handover line keeps before cutting people
HANDOVER_SHIFT = 4  # and of the shift's
# Kinds named for the week on today's counts, where a household line of today is beside them
# (今日未问访 counts households not called today; the gap counts every day of the week so far).
WEEK_LABELS = {GapKind.HOUSEHOLD_UNCONTACTED: "tui.today.gap.household_uncontacted"}


def moment_text(moment: dt.datetime) -> str:
    """``12月2日 周三 09:00``."""
    return t(
        "tui.today.now",
        when=t(
            "tui.today.when",
            month=moment.month,
            day=moment.day,
            weekday=t(f"tui.today.weekday.{moment.weekday()}"),
            time=f"{moment.hour:02d}:{moment.minute:02d}",
        ),
    )


def person_label(person: Person | None, person_id: str, shared: frozenset[str]) -> str:
    """The name, with the phone's last four digits when someone else has the same name.

    The digits are the phone's digits, as everywhere else: ``138-0000-0001`` ends in ``0001``.
    """
    if person is None:
        return person_id
    name = printable(person.name)
    if person.name in shared:
        return t("tui.today.person_tail", name=name, tail=phone_tail(person.phone))
    return name


def people_text(
    instance: ShiftInstance,
    people: Mapping[str, Person],
    shared: frozenset[str],
    absent: dict[str, UnavailableReason] | None = None,
) -> Text:
    """Who is on the instance: counted people plain, the rest dim with why they do not count."""
    text = Text()
    for i, person_id in enumerate(instance.assigned):
        if i:
            text.append(t("tui.today.separator"))
        label = person_label(people.get(person_id), person_id, shared)
        reason = (absent or {}).get(person_id)
        if reason is None:
            text.append(label)
        else:
            why = t(f"tui.today.absent.{reason.value}")
            text.append(t("tui.today.person_absent", name=label, reason=why), style="dim")
    short = instance.need - instance.have
    if not instance.assigned:
        text.append(t("tui.today.nobody"), style="bold red")
    if short > 0:
        text.append(" ")
        text.append(t("tui.today.short", count=short), style="bold red")
    return text


def _local_time(moment: dt.datetime, zone: str, today: dt.date) -> tuple[str, bool]:
    """``HH:MM`` of ``moment`` in ``zone``, and whether it falls on a later day than ``today``."""
    local = pendulum.instance(moment).in_timezone(zone)
    return f"{local.hour:02d}:{local.minute:02d}", local.date() > today


def handover_text(
    roster: Roster, duty: DutyNow, shared: frozenset[str], width: int | None = None
) -> Text:
    """``下次交接 20:00：东门 夜班 张三、李四，另有2处同时交接``: the soonest handover.

    Within ``width`` cells the post's name is cut first, then the shift's, so who takes over
    stays on the line.
    """
    if not duty.handover:
        return Text(t("tui.today.no_handover"), style="dim")
    time, later = _local_time(duty.handover[0].start, roster.subdistrict.timezone, _day(duty))
    key = "tui.today.handover_day" if later else "tui.today.handover"
    text = Text(t(key, time=time), style="bold")
    first = duty.handover[0]
    who = people_text(first, roster.index.people, shared)
    others = len(duty.handover) - 1
    more = t("tui.today.handover_more", count=others) if others else ""
    post, shift = printable(first.post.name), printable(first.shift.name)
    if width is not None:
        room = width - text.cell_len - who.cell_len - cell_len(more) - 2  # and two spaces
        post = clip(post, max(room - cell_len(shift), HANDOVER_PLACE))
        shift = clip(shift, max(room - cell_len(post), HANDOVER_SHIFT))
    text.append(f"{post} {shift} ")
    text.append_text(who)
    text.append(more)
    return text


class HandoverLine(Static):
    """The next handover, fitted again to the line's width when it changes."""

    _shown: tuple[Roster, DutyNow, frozenset[str]] | None = None

    def show(self, roster: Roster, duty: DutyNow, shared: frozenset[str]) -> None:
        self._shown = (roster, duty, shared)
        self._draw()

    def on_resize(self) -> None:
        if self._shown is not None:
            self._draw()

    def _draw(self) -> None:
        if self._shown is not None:
            width = self.content_size.width or self.app.size.width - 2  # the padding
            self.update(handover_text(*self._shown, width=width))


def _day(duty: DutyNow) -> dt.date:
    return dt.date(duty.moment.year, duty.moment.month, duty.moment.day)


def _no_duty(roster: Roster, whole: bool) -> str:
    """What the duty table says when nobody is on duty: why, for the scope shown."""
    if not whole:
        return t("tui.today.no_posts")
    return t("tui.today.no_running") if roster.posts else t("tui.today.no_posts_whole")


class DutyTable(DataTable[object]):
    """One row per running instance of the scope's posts; Enter opens who stands there."""

    BINDINGS = [Binding("enter", "select_cursor", "tui.card.open")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.people_on: dict[str, tuple[str, ...]] = {}  # row key -> who is on duty there
        self._shown: tuple[Roster, DutyNow, frozenset[str], bool] | None = None
        self._fitted: tuple[int, bool] = (0, False)  # the width fitted to, and if rows scroll

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True

    def on_resize(self) -> None:
        """Fit the columns to the new size (a scrollbar comes or goes), keeping the cursor's
        row."""
        if self._shown is not None and self._fit_for(self.row_count) != self._fitted:
            row = self.cursor_row
            self.show(*self._shown)
            self.move_cursor(row=row, animate=False)

    def show(
        self, roster: Roster, duty: DutyNow, shared: frozenset[str], whole: bool = False
    ) -> None:
        """The running instances of ``duty``; ``whole``: its scope is the whole sub-district."""
        self._shown = (roster, duty, shared, whole)
        people = roster.index.people
        zone, today = roster.subdistrict.timezone, _day(duty)
        rows: list[tuple[str, Sequence[str | Text]]] = []
        self.people_on = {}
        handovers: dict[dt.datetime, str] = {}  # a few instants, shared by hundreds of posts
        for instance in duty.running:
            shift = instance.shift
            following = duty.next_start.get(instance.post.id)
            handover = ""
            if following is not None:
                if following not in handovers:
                    time, later = _local_time(following, zone, today)
                    handovers[following] = t("tui.today.tomorrow", time=time) if later else time
                handover = handovers[following]
            cells = (
                printable(instance.post.name),
                printable(shift.name),
                f"{format_hhmm(shift.start)}-{format_hhmm(shift.end)}",
                handover,
                people_text(instance, people, shared, duty.absent.get(instance.key)),
            )
            key = "|".join((instance.post.id, instance.date.isoformat(), shift.name))
            self.people_on[key] = instance.assigned
            rows.append((key, cells))
        if not duty.running:
            rows.append(("none", (Text(_no_duty(roster, whole), style="dim"), "", "", "", "")))
        columns = [(key, t(f"tui.today.col.{key}")) for key in DUTY_COLUMNS]
        self._fitted = width, scrolls = self._fit_for(len(rows))
        fit = width - (self.styles.scrollbar_size_vertical if scrolls else 0)
        refill(self, columns, rows, fit_width=fit if fit > 0 else None, cut=DUTY_CUT)

    def _fit_for(self, rows: int) -> tuple[int, bool]:
        """The width to fit, and whether ``rows`` scroll (room kept for the scrollbar).

        Before the first layout the table has no size yet: it spans the screen, and rows may
        scroll.
        """
        width, height = self.size
        return width or self.app.size.width, not height or rows + self.header_height > height

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """The table's size, without measuring the new rows' cells.

        DataTable measures every cell of every new row to size auto-width columns; :func:`refill`
        gives each column its width, and every row is one line, so on a large sub-district the
        thousand measures of the first frame would change nothing.
        """
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
        else:
            super()._update_dimensions(())


class _OpenableList(OptionList):
    """An option list whose Enter opens something, and the footer says so."""

    BINDINGS = [Binding("enter", "select", "tui.today.key.open")]

    def __init__(self, *, id: str | None = None, compact: bool = False) -> None:
        super().__init__(id=id, compact=compact)
        translate_bindings(self)


def week_label(kind: GapKind) -> str:
    key = WEEK_LABELS.get(kind)
    return t(key) if key else gap_kind_label(kind)


class GapCounts(_OpenableList):
    """This week's gap counts, worst first; Enter opens the gaps screen on that kind (or,
    when there is one gap of it, the fix of that gap)."""

    counts: tuple[tuple[GapKind, int], ...] = ()  # what each line shows, in order

    def show_checking(self) -> None:
        if self.option_count == 0:
            self.set_options([Option(Text(t("tui.today.checking"), style="dim"), disabled=True)])

    def show(self, counts: list[tuple[GapKind, int]]) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.counts = tuple(counts)
        if not counts:
            self.set_options([Option(Text(t("tui.today.no_gaps"), style="green"), disabled=True)])
            return
        self.set_options(
            Option(
                Text(t("tui.today.gap_count", label=week_label(kind), count=count)),
                id=kind.value,
            )
            for kind, count in counts
        )
        ids = [kind.value for kind, _ in counts]
        self.highlighted = ids.index(highlighted) if highlighted in ids else 0


ALERTS_EACH = 3  # fevers and overdue requests named one by one; the rest go to one line
ALERT_WHAT_CELLS = 10  # of a request's text on its alert line, so the line fits half of 80


class HouseholdLines(_OpenableList):
    """The care loop's alerts for the scope (fevers, overdue requests, nobody called yet today),
    then households in quarantine, ending, and without a carer. Enter on an alert opens the
    household or the request; on the others, the households."""

    summary: HouseholdSummary | None = None
    alerts: CareAlerts | None = None

    def show(self, summary: HouseholdSummary) -> None:
        self.summary = summary
        self._draw()

    def show_alerts(self, alerts: CareAlerts) -> None:
        self.alerts = alerts
        self._draw()

    def _alert_lines(self, alerts: CareAlerts) -> list[tuple[str, str, str]]:
        lines = []
        for household, reading in alerts.fevers[:ALERTS_EACH]:
            temperature = f"{reading:.1f}"
            words = t(
                "tui.care.alert.fever",
                address=printable(household.address),
                temperature=temperature,
            )
            lines.append((f"fever:{household.id}", words, "bold red"))
        if len(alerts.fevers) > ALERTS_EACH:
            more = t("tui.care.alert.more_fevers", count=len(alerts.fevers) - ALERTS_EACH)
            lines.append(("round:fevers", more, "bold red"))
        for row in alerts.overdue[:ALERTS_EACH]:
            address = printable(row.household.address) if row.household else row.request.household
            what = Text(printable(row.request.what))
            what.truncate(ALERT_WHAT_CELLS, overflow="crop")  # all of it is on the board
            words = t("tui.care.alert.overdue", address=address, what=what.plain)
            lines.append((f"request:{row.request.id}", words, "bold red"))
        if len(alerts.overdue) > ALERTS_EACH:
            more = t("tui.care.alert.more_overdue", count=len(alerts.overdue) - ALERTS_EACH)
            lines.append(("requests:late", more, "bold red"))
        if alerts.open_requests:
            words = t("tui.care.alert.open", count=alerts.open_requests)
            lines.append(("requests", words, ""))
        if alerts.uncontacted:
            words = t("tui.care.alert.uncontacted", count=len(alerts.uncontacted))
            lines.append(("round", words, "bold"))
        return lines

    def _draw(self) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        lines = self._alert_lines(self.alerts) if self.alerts else []
        summary = self.summary
        if summary is not None:
            lines += [
                ("active", t("tui.today.households_active", count=summary.active), ""),
                ("ending", t("tui.today.households_ending", count=summary.ending), "yellow"),
                (
                    "uncared",
                    t("tui.today.households_uncared", count=summary.without_carer),
                    "bold red" if summary.without_carer else "",
                ),
            ]
        self.set_options(
            Option(Text(label, style=style, no_wrap=True, overflow="crop"), id=key)
            for key, label, style in lines
        )
        ids = [key for key, _, _ in lines]
        self.highlighted = ids.index(highlighted) if highlighted in ids else 0 if ids else None
