"""Text boxes in .docx (文号, headings) are read once, as paragraphs of their own."""

from __future__ import annotations

import io
import zipfile

from tests.helpers.bad_files import good_docx_bytes, part, replace_parts
from workbench.intake import load_document

NUMBER = "某环罚〔2026〕87号"


def text_box(text: str) -> str:
    """A text box as Word writes it: the DrawingML shape and its VML copy for older readers."""
    inner = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{inner}</v:textbox>'
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def _with_box_in(part_name: str, data: bytes, text: str) -> bytes:
    xml = part(data, part_name).decode()
    i = xml.index("</w:p>")
    return replace_parts(data, {part_name: (xml[:i] + text_box(text) + xml[i:]).encode()})


def test_a_text_box_in_the_body_is_read_once_on_its_own_line(tmp_path):
    path = tmp_path / "box.docx"
    path.write_bytes(_with_box_in("word/document.xml", good_docx_bytes("行政处罚决定书\n当事人：某公司"), NUMBER))
    doc = load_document(path)
    assert doc.text.count(NUMBER) == 1
    assert doc.text.split("\n")[:2] == ["行政处罚决定书", NUMBER]
    assert doc.doc_number == NUMBER
    assert any(p.source == "textbox" for p in doc.paragraphs)


def test_a_text_box_in_the_header_is_read(tmp_path):
    from docx import Document as NewDocx

    d = NewDocx()
    d.sections[0].header.paragraphs[0].text = "页眉"
    d.add_paragraph("行政处罚决定书")
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    header = next(n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/header"))
    path = tmp_path / "header-box.docx"
    path.write_bytes(_with_box_in(header, data, NUMBER))
    doc = load_document(path)
    assert doc.text.count(NUMBER) == 1  # read once (metadata reads the body, not the margins)
