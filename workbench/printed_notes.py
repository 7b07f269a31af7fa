"""What every printed register, letter and statistics page carries from the log and the rules:
the log's check code (日志校验码) at the foot of every page, and a note for each rule pack that
could not be loaded. Registered with ``workbench.reports.layout.add_furniture``, so every
printer (Qt, .docx, .xlsx) prints it.
"""

from __future__ import annotations

from workbench.reports.layout import PageFurniture


def log_furniture(log=None) -> PageFurniture:
    """Footer line: the check code of ``log`` (none without a log); notes: the missing rule packs."""
    from workbench.checking import missing_pack_notes

    footer: tuple[str, ...] = ()
    if log is not None:
        from workbench.log.anchor import head_code

        footer = (f"日志校验码 {head_code(log)}（workbench log verify --anchor 可核对日志是否仍与本页一致）",)
    notes = tuple(f"注意：{note}。" for note in missing_pack_notes(short=True))
    return PageFurniture(footer_lines=footer, notes=notes)
