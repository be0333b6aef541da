"""Per-analyst application settings (QSettings, an INI file in the workstation's data folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from workstation.paths import data_home

MAX_RECENT = 10
MINOR_TAGS = ("minor", "involves-minor")  # items tagged so are blurred by default when enabled


def settings_file() -> Path:
    """The INI file; WORKSTATION_HOME moves it (tests point it at a temporary folder)."""
    return data_home() / "workstation.ini"


class AppSettings:
    """Typed access to the few settings the application keeps outside the case.

    Nothing about evidence is stored here: only layout, preferences and the paths of recent
    case files (the case files themselves are encrypted).
    """

    def __init__(self, path: Path | None = None) -> None:
        path = path or settings_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    # -- generic helpers ---------------------------------------------------------------------
    def _get(self, key: str, default: object, kind: type) -> object:
        value = self.qsettings.value(key, default)
        if kind is bool:
            if isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return bool(value)
        if kind is int:
            try:
                return int(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return default
        return value if value is not None else default

    def _set(self, key: str, value: object) -> None:
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    # -- analyst -----------------------------------------------------------------------------
    @property
    def analyst(self) -> str:
        return str(self._get("analyst/name", "", str) or "")

    @analyst.setter
    def analyst(self, value: str) -> None:
        self._set("analyst/name", value.strip())

    @property
    def agency(self) -> str:
        return str(self._get("analyst/agency", "", str) or "")

    @agency.setter
    def agency(self, value: str) -> None:
        self._set("analyst/agency", value.strip())

    @property
    def timezone(self) -> str:
        """Default time zone for new cases."""
        return str(self._get("analyst/timezone", "Europe/Amsterdam", str) or "UTC")

    @timezone.setter
    def timezone(self, value: str) -> None:
        self._set("analyst/timezone", value)

    @property
    def language(self) -> str:
        """'' = follow the system, else 'en' or 'nl'."""
        return str(self._get("ui/language", "", str) or "")

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value)

    # -- thresholds --------------------------------------------------------------------------
    @property
    def dedup_threshold(self) -> int | None:
        """Largest distance (bits of a 64-bit pHash) still called the same photo; None = the
        calibrated default of the dedup module."""
        value = self.qsettings.value("thresholds/dedup")
        try:
            return None if value in (None, "") else int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None

    @dedup_threshold.setter
    def dedup_threshold(self, value: int | None) -> None:
        if value is None:
            self.qsettings.remove("thresholds/dedup")
            self.qsettings.sync()
        else:
            self._set("thresholds/dedup", int(value))

    @property
    def suggestion_min_score(self) -> int:
        """Indicator suggestions below this weight (0-100) are hidden in the inspector."""
        return int(self._get("thresholds/suggestion_min_score", 0, int))  # type: ignore[arg-type]

    @suggestion_min_score.setter
    def suggestion_min_score(self, value: int) -> None:
        self._set("thresholds/suggestion_min_score", int(value))

    # -- wellbeing ---------------------------------------------------------------------------
    @property
    def safe_view(self) -> bool:
        return bool(self._get("wellbeing/safe_view", False, bool))

    @safe_view.setter
    def safe_view(self, value: bool) -> None:
        self._set("wellbeing/safe_view", bool(value))

    @property
    def safe_view_blur(self) -> bool:
        return bool(self._get("wellbeing/blur", True, bool))

    @safe_view_blur.setter
    def safe_view_blur(self, value: bool) -> None:
        self._set("wellbeing/blur", bool(value))

    @property
    def safe_view_grayscale(self) -> bool:
        return bool(self._get("wellbeing/grayscale", True, bool))

    @safe_view_grayscale.setter
    def safe_view_grayscale(self, value: bool) -> None:
        self._set("wellbeing/grayscale", bool(value))

    @property
    def blur_minors(self) -> bool:
        return bool(self._get("wellbeing/blur_minors", True, bool))

    @blur_minors.setter
    def blur_minors(self, value: bool) -> None:
        self._set("wellbeing/blur_minors", bool(value))

    @property
    def thumbnail_size(self) -> int:
        return int(self._get("view/thumbnail_size", 160, int))  # type: ignore[arg-type]

    @thumbnail_size.setter
    def thumbnail_size(self, value: int) -> None:
        self._set("view/thumbnail_size", int(value))

    @property
    def view_mode(self) -> str:
        return str(self._get("view/mode", "grid", str) or "grid")

    @view_mode.setter
    def view_mode(self, value: str) -> None:
        self._set("view/mode", value)

    # -- recent cases ------------------------------------------------------------------------
    def recent_cases(self) -> list[str]:
        value = self.qsettings.value("recent/cases", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        recent = [p for p in self.recent_cases() if p != path]
        self._set("recent/cases", [path, *recent][:MAX_RECENT])

    def remove_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self._set("recent/cases", [p for p in self.recent_cases() if p != path])

    # -- window layout -----------------------------------------------------------------------
    def window_state(self, name: str) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.qsettings.value(f"layout/{name}/geometry")
        state = self.qsettings.value(f"layout/{name}/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, name: str, geometry: QByteArray, state: QByteArray | None) -> None:
        self.qsettings.setValue(f"layout/{name}/geometry", geometry)
        if state is not None:
            self.qsettings.setValue(f"layout/{name}/state", state)
        self.qsettings.sync()

    def value(self, key: str, default: object = None) -> object:
        return self.qsettings.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._set(key, value)
