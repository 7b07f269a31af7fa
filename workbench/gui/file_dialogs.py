"""File dialogs that start where the reviewer works: drafts from the folder used last,
exports into the documents folder (“文档”), each remembered in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

DRAFT_FILTER = "草案文件 (*.docx *.txt *.pdf *.doc *.wps);;所有文件 (*)"
OPEN_DIR_KEY = "last_open_dir"


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def start_folder(settings: dict) -> str:
    """The folder drafts were last opened from, if it still exists; else the documents folder."""
    last = settings.get(OPEN_DIR_KEY) or ""
    return last if last and Path(last).is_dir() else documents_folder()


def remember_folder(settings: dict, path: str) -> None:
    settings[OPEN_DIR_KEY] = str(Path(path).parent)


def open_drafts(parent, settings: dict, title: str = "打开草案", many: bool = True) -> list[str]:
    """Ask for draft files, starting in the folder used last; remembers the folder chosen."""
    if many:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(settings), DRAFT_FILTER)
    else:
        path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(settings), DRAFT_FILTER)
        paths = [path] if path else []
    if paths:
        remember_folder(settings, paths[0])
    return paths


def save_path(parent, title: str, file_name: str, file_filter: str) -> str:
    """Ask where to save ``file_name``, proposed in the documents folder; '' if cancelled."""
    proposed = str(Path(documents_folder()) / safe_name(file_name))
    path, _ = QFileDialog.getSaveFileName(parent, title, proposed, file_filter)
    return path


def safe_name(name: str) -> str:
    """A file name without the characters Windows refuses (a title may hold “/” or “:”)."""
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name).strip() or "未命名"
