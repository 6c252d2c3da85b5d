"""Command line (``check`` in full in docs/format.md). Imports the TUI lazily so headless commands
never load Textual.

Exit codes: 0 success (for ``check``: no gap), 1 ``check`` found gaps, 2 bad input or usage,
3 an unexpected error (the details go to a log file whose path is printed).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from argparse import SUPPRESS
from collections.abc import Sequence

from roster_tui.i18n import catalog, current_language, detect_language, set_language, t

EXIT_OK, EXIT_GAPS, EXIT_BAD_INPUT = 0, 1, 2
DISTRIBUTION = "roster-tui"  # the installed package, whose metadata holds the version


def _argparse_words(text: str) -> str:
    """argparse's own words ("usage:", "options", its errors), translated like ours."""
    return catalog(current_language()).get(f"argparse:{text}", text)


# argparse looks its words up through gettext's ``_`` at call time, in its own module.
argparse._ = _argparse_words  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a translated prefix, as docs/format.md says usage errors do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {t('cli.usage_error')}: {message}\n")


class _Version(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, default=SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version(DISTRIBUTION)
        except PackageNotFoundError:  # run from a source tree that was never installed
            from roster_tui import __version__ as number
        print(f"{DISTRIBUTION} {number}")
        parser.exit(EXIT_OK)


def build_parser() -> argparse.ArgumentParser:
    """Every option and subcommand, each with its help text in the current language."""
    parser = _Parser(prog=DISTRIBUTION, description=t("cli.description"))
    parser.add_argument("--version", action=_Version, help=t("cli.opt.version"))
    parser.add_argument("--db", help=t("cli.opt.db"))
    parser.add_argument("--lang", choices=("zh", "en"), help=t("cli.opt.lang"))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, help=t("cli.commands"))

    commands.add_parser("demo", help=t("cli.cmd.demo"))

    imp = commands.add_parser("import", help=t("cli.cmd.import"))
    imp.add_argument("file", help=t("cli.arg.import_file"))
    imp.add_argument("--replace", action="store_true", help=t("cli.opt.replace"))

    dump = commands.add_parser("dump", help=t("cli.cmd.dump"))
    dump.add_argument("file", help=t("cli.arg.dump_file"))

    backup = commands.add_parser("backup", help=t("cli.cmd.backup"))
    backup.add_argument("file", help=t("cli.arg.backup_file"))

    chk = commands.add_parser("check", help=t("cli.cmd.check"))
    chk.add_argument("--from", dest="first", metavar="DATE", help=t("cli.opt.from"))
    chk.add_argument("--to", dest="last", metavar="DATE", help=t("cli.opt.to"))
    chk.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", help=t("cli.opt.now"))
    chk.add_argument("--json", action="store_true", help=t("cli.opt.json"))

    exp = commands.add_parser("export", help=t("cli.cmd.export"))
    exp.add_argument(
        "what",
        choices=("roster", "duties", "households", "signin", "person", "contacts", "requests"),
        help=t("cli.arg.what"),
    )
    # --week for the weekly sheets; --date (the round's day) and --now for the care sheets.
    exp.add_argument("--week", metavar="YYYY-Www", help=t("cli.opt.week"))
    exp.add_argument("--date", metavar="DATE", help=t("cli.opt.export_date"))
    exp.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", help=t("cli.opt.export_now"))
    exp.add_argument(
        "--format",
        dest="fmt",
        required=True,
        choices=("csv", "html", "pdf", "txt", "ics", "xlsx"),
        help=t("cli.opt.format"),
    )
    exp.add_argument("--community", metavar="ID", help=t("cli.opt.community"))
    exp.add_argument("--person", metavar="ID", help=t("cli.opt.person"))
    exp.add_argument("--post", metavar="ID", help=t("cli.opt.post"))
    exp.add_argument("--by", choices=("compound", "community"), help=t("cli.opt.by"))
    exp.add_argument("--encoding", choices=("utf-8-sig", "gb18030"), help=t("cli.opt.encoding"))
    exp.add_argument("--width", type=int, metavar="COLUMNS", help=t("cli.opt.width"))
    # No default here: the weekly sheets are public unless asked, the care sheets internal.
    exp.add_argument("--audience", choices=("public", "internal"), help=t("cli.opt.audience"))
    # The old switches, kept as hidden aliases so existing scripts keep working.
    exp.add_argument(
        "--mask-phones", dest="audience", action="store_const", const="public", help=SUPPRESS
    )
    exp.add_argument(
        "--no-mask-phones", dest="audience", action="store_const", const="internal", help=SUPPRESS
    )
    exp.add_argument("-o", "--output", required=True, metavar="PATH", help=t("cli.opt.output"))

    fill = commands.add_parser("fill", help=t("cli.cmd.fill"))
    fill.add_argument("--week", required=True, metavar="YYYY-Www", help=t("cli.opt.fill_week"))
    fill.add_argument("--dry-run", action="store_true", help=t("cli.opt.dry_run"))
    return parser


def _language(argv: Sequence[str]) -> str:
    """The language, known before argparse runs so that its help text is translated too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("zh", "en"):
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in ("zh", "en"):
            return arg[7:]
    return detect_language()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language(argv))
    args = build_parser().parse_args(argv)
    db = args.db or os.environ.get("ROSTER_DB")

    # Opening the TUI: the collector waits until the first screen's data is read (see
    # tui.launch), and the imports before it build nothing it would free either.
    paused = args.command in (None, "demo") and gc.isenabled()
    if paused:
        gc.disable()
    try:
        from roster_tui.cli import commands

        return commands.run(args, db)
    finally:
        if paused:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
