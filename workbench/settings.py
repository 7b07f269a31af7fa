"""User settings: a small JSON file in the data directory (no Qt here).

Keys are declared in ``DEFAULTS``; unknown keys in the file are kept (a newer
version may have written them) but ignored. Modules that need a setting read
it with ``load_settings()[key]``; the GUI's settings dialog writes it with
``save_settings``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.paths import settings_path

DEFAULTS: dict = {
    "bureau_name": "",  # 单位名称，打印台账与意见书时使用
    "letter_prefix": "",  # 意见书文号前缀，如“焦环法审”：文号为 焦环法审〔2026〕12号
    "reviewer": "",  # 默认审查人
    "counsel": [],  # 法律顾问名单
    "disabled_packs": [],  # 关闭的规则包（legality / fair_competition / enforcement / citation）
    "log_path": "",  # 审查日志文件；空则用数据目录下的默认位置
    "recent_files": [],  # 最近打开的文件（最新在前）
    "last_open_dir": "",  # 上次打开草案的文件夹（文件对话框从这里开始）
    "expiry_reminder_days": 90,  # 到期提醒：提前多少天提示规范性文件有效期届满
}


def load_settings(path: Path | None = None) -> dict:
    path = path or settings_path()
    settings = json.loads(json.dumps(DEFAULTS))  # a deep copy
    if not path.exists():
        return settings
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WorkbenchError(f"设置文件“{path}”无法读取（{exc}）。请删除或修正该文件后重试，程序将使用默认设置。") from None
    if isinstance(stored, dict):
        settings.update(stored)
    return settings


def save_settings(settings: dict, path: Path | None = None) -> None:
    """Write atomically: a crash mid-write leaves the old file intact."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(settings, fh, ensure_ascii=False, indent=2)
    os.replace(tmp, path)


def setting(key: str):
    """One setting's value, its default when the settings file is missing or unreadable."""
    try:
        return load_settings().get(key, DEFAULTS.get(key))
    except WorkbenchError:
        return DEFAULTS.get(key)
