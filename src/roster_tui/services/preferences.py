"""A person's own choices that outlive a session (the community on the Today screen, say).

Kept as a small TOML file in the user's config directory: per operating-system user, so two
secretaries sharing one server each keep their own. ``Preferences(None)`` keeps them in memory
only, which is what tests and benchmarks use, so nobody's real settings are touched.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import platformdirs
import tomli_w

FILE_NAME = "preferences.toml"


class Preferences:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._values: dict[str, str] = {}
        if path is not None:
            try:
                loaded = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                loaded = {}  # no file yet, or one we cannot read: start from defaults
            self._values = {k: v for k, v in loaded.items() if isinstance(v, str)}

    @classmethod
    def for_user(cls) -> Preferences:
        return cls(Path(platformdirs.user_config_dir("roster-tui")) / FILE_NAME)

    def get(self, key: str) -> str | None:
        return self._values.get(key)

    def set(self, key: str, value: str) -> None:
        """Remember ``value``; a file that cannot be written only loses the preference."""
        if self._values.get(key) == value:
            return
        self._values[key] = value
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.partial")
            partial.write_text(tomli_w.dumps(self._values), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError:
            pass
