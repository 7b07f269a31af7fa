"""A PDF with a text layer, printed by Qt with a Chinese font, is read back by intake."""

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from workbench.checking import check_document
from workbench.intake import load_document


def test_pdf_text_layer_is_read_and_checked(qtbot, tmp_path):
    path = tmp_path / "草案.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    doc = QTextDocument()
    doc.setPlainText("关于加强建材市场管理的若干规定\n第一条 全市新建项目须使用市建材公司生产的商品混凝土。")
    doc.print_(writer)
    del writer  # flush the file

    loaded = load_document(path)
    assert loaded.format == "pdf"
    assert "须使用市建材公司" in loaded.norm.text
    assert "fc.entry.designated_operator" in {f.rule for f in check_document(loaded).findings}
