"""Where the workbench keeps the user's files (no Qt here).

Default: ``$XDG_DATA_HOME/legality-workbench`` (``~/.local/share/…``) on Linux,
``%APPDATA%\\legality-workbench`` on Windows. ``WORKBENCH_DATA_DIR`` overrides
it (tests and portable installs on a USB stick use this).

Compiled caches (``workbench.compiled_cache``) go to ``cache_dir()``: files
that may be deleted at any time, since they are rebuilt from the sources.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "legality-workbench"
DATA_DIR_ENV = "WORKBENCH_DATA_DIR"


def data_dir(create: bool = True) -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_DIR_NAME
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP_DIR_NAME
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.json"


def cache_dir(create: bool = True) -> Path:
    """``$XDG_CACHE_HOME/legality-workbench`` (``~/.cache/…``) on Linux,
    ``%LOCALAPPDATA%\\legality-workbench\\cache`` on Windows; ``<data dir>/cache``
    when ``WORKBENCH_DATA_DIR`` is set, so a portable install keeps everything together."""
    if os.environ.get(DATA_DIR_ENV):
        path = data_dir(create=False) / "cache"
    elif sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
        path = Path(local) / APP_DIR_NAME / "cache"
    else:
        path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_DIR_NAME
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
