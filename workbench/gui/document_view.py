"""The draft as a reader sees it: numbered paragraphs, tables as tables, findings highlighted.

The QTextDocument is built block by block with a cursor, recording where each
paragraph of the ``Document`` starts, so that a finding's offsets map to a
position in the view and a selection in the view maps back to offsets.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFrameFormat, QTextLength, QTextTableFormat
from PySide6.QtWidgets import QTextEdit

from workbench.intake.model import Document

SEVERITY_COLORS = {"error": QColor("#f9c9c6"), "warning": QColor("#fde9a9"), "info": QColor("#cfe2fb")}
DISMISSED_COLOR = QColor("#e4e4e4")
SELECTED_COLOR = QColor("#ffb74d")


class DocumentView(QTextEdit):
    """Read-only view of a Document; emits ``selection_offsets(start, end)`` in Document offsets."""

    selection_offsets = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("documentView")
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.document_model: Document | None = None
        self._starts: list[int] = []  # view position where paragraph i's text starts
        self._para_order: list[int] = []  # paragraph indexes sorted by view position
        self._view_starts_sorted: list[int] = []
        self.selectionChanged.connect(self._emit_selection)

    # -- building ------------------------------------------------------------

    def show_document(self, doc: Document) -> None:
        self.document_model = doc
        qdoc = QTextDocument(self)
        qdoc.setDefaultFont(self.font())
        qdoc.setDocumentMargin(16)
        cursor = QTextCursor(qdoc)
        number_fmt = QTextCharFormat()
        number_fmt.setForeground(QColor("#9a9a9a"))
        number_fmt.setFontPointSize(max(7.0, self.font().pointSizeF() * 0.8))
        text_fmt = QTextCharFormat()
        heading_fmt = QTextCharFormat(text_fmt)
        heading_fmt.setFontWeight(QFont.Bold)
        block_fmt = QTextBlockFormat()
        block_fmt.setBottomMargin(4)
        block_fmt.setLineHeight(140, QTextBlockFormat.ProportionalHeight.value)

        starts = [0] * len(doc.paragraphs)
        first = True
        i = 0
        n = len(doc.paragraphs)
        while i < n:
            p = doc.paragraphs[i]
            if p.table is not None:
                i = self._insert_table(cursor, doc, i, starts, text_fmt)
                first = False
                continue
            if not first:
                cursor.insertBlock(block_fmt)
            else:
                cursor.setBlockFormat(block_fmt)
            first = False
            label = {"header": "页眉", "footer": "页脚", "textbox": "文本框"}.get(p.source)
            cursor.insertText(f"{label if label else i + 1}\u2002", number_fmt)
            starts[i] = cursor.position()
            cursor.insertText(doc.text[p.start : p.end], heading_fmt if i == 0 else text_fmt)
            i += 1
        self.setDocument(qdoc)
        self._starts = starts
        self._para_order = sorted(range(n), key=lambda k: starts[k])
        self._view_starts_sorted = [starts[k] for k in self._para_order]

    def _insert_table(self, cursor: QTextCursor, doc: Document, i: int, starts: list[int], fmt) -> int:
        """Insert the table whose cells start at paragraph ``i``; return the next paragraph index."""
        table_no = doc.paragraphs[i].table[0]
        j = i
        cells: dict[tuple[int, int], list[int]] = {}
        while j < len(doc.paragraphs) and doc.paragraphs[j].table is not None and doc.paragraphs[j].table[0] == table_no:
            _, r, c = doc.paragraphs[j].table
            cells.setdefault((r, c), []).append(j)
            j += 1
        rows = max(r for r, _ in cells) + 1
        cols = max(c for _, c in cells) + 1
        table_fmt = QTextTableFormat()
        table_fmt.setBorder(0.6)
        table_fmt.setBorderStyle(QTextFrameFormat.BorderStyle_Solid)
        table_fmt.setCellPadding(4)
        table_fmt.setCellSpacing(0)
        table_fmt.setWidth(QTextLength(QTextLength.PercentageLength, 100))
        table = cursor.insertTable(rows, cols, table_fmt)
        for (r, c), paras in cells.items():
            cell_cursor = table.cellAt(r, c).firstCursorPosition()
            for k, idx in enumerate(paras):
                if k:
                    cell_cursor.insertBlock()
                starts[idx] = cell_cursor.position()
                p = doc.paragraphs[idx]
                cell_cursor.insertText(doc.text[p.start : p.end], fmt)
        cursor.movePosition(QTextCursor.End)
        return j

    # -- offsets <-> view positions -----------------------------------------

    def view_position(self, offset: int) -> int:
        doc = self.document_model
        i = doc.paragraph_index(offset)
        p = doc.paragraphs[i]
        return self._starts[i] + min(max(offset - p.start, 0), p.end - p.start)

    def document_offset(self, position: int) -> int:
        k = max(0, bisect.bisect_right(self._view_starts_sorted, position) - 1)
        i = self._para_order[k]
        p = self.document_model.paragraphs[i]
        return p.start + min(max(position - self._starts[i], 0), p.end - p.start)

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.view_position(start))
        cursor.setPosition(self.view_position(end), QTextCursor.KeepAnchor)
        return cursor

    # -- highlighting and selection -----------------------------------------

    def highlight(self, spans) -> None:
        """``spans``: (start, end, color) in Document offsets; later spans paint over earlier ones."""
        for start, end, color in spans:
            if end <= start:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            self._cursor_for(start, end).mergeCharFormat(fmt)

    def select_offsets(self, start: int, end: int) -> None:
        cursor = self._cursor_for(start, end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_offsets(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if self.document_model is None or not cursor.hasSelection():
            return None
        return self.document_offset(cursor.selectionStart()), self.document_offset(cursor.selectionEnd())

    def _emit_selection(self) -> None:
        span = self.selected_offsets()
        if span is not None:
            self.selection_offsets.emit(*span)
