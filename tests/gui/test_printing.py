"""Printing: the register, letters and the year's figures through the one ``render`` path,
read back from the PDF with pypdf (its text holds the rows; the Chinese fonts are embedded)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from tests.helpers.review_log import build_sample_log
from workbench.gui import printing
from workbench.log import REGISTER_COLUMNS, ReviewLog
from workbench.reports import as_register, build_letter, build_register, year_stats

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture(autouse=True)
def _app(qapp):  # fonts and paint devices need a Qt application
    return qapp


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("printing")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_DATA_DIR", str(folder / "data"))
        return build_sample_log(folder / "log")


@pytest.fixture
def log(sample):
    with ReviewLog.open(sample.path, readonly=True) as opened:
        yield opened


def pages_text(path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(path).pages]


def flowing_text(path) -> str:
    """The pages' text in one, without the page numbers between them (a paragraph may run on)."""
    return re.sub(r"—\d+—", "", "".join(pages_text(path)))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def embedded_fonts(path) -> set[str]:
    """Base names of the fonts whose file is inside the PDF."""
    names = set()
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for desc in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                descriptor = desc.get("/FontDescriptor")
                if descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(desc["/BaseFont"]))
    return names


def synthetic_rows(n: int, problem_lines: int = 1) -> list[dict]:
    rows = []
    for i in range(1, n + 1):
        problems = "\n".join(f"第{i}件第{k}项：设定行政许可1项；限定经营者1项" for k in range(1, problem_lines + 1))
        rows.append({
            "序号": i, "收文日期": "2026-03-05", "文件名称及文号": f"始{i:04d}关于第{i}项工作的通知",
            "送审单位": "大气环境科", "审查类型": "合法性审核", "主要问题": f"{problems}\n终{i:04d}",
            "审查结论": "修改后通过", "审查人": "张三", "办结日期": "2026-03-20", "备注": "某环法审〔2026〕3号",
        })
    return rows


def test_register_pdf_holds_every_row_in_a4_landscape_with_chinese_embedded(log, sample, tmp_path):
    register = build_register(log, *YEAR, bureau="某市生态环境局")
    path = printing.export_register_pdf(tmp_path / "台账.pdf", register)
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert abs(float(box.width) - 841.9) < 2 and abs(float(box.height) - 595.3) < 2  # A4 in points
    text = pages_text(path)
    whole = "".join(text)
    assert "某市生态环境局合法性审查台账" in text[0]
    assert "期间：2026年1月1日至2026年12月31日" in text[0]
    for row in register.rows:
        for column in ("文件名称及文号", "送审单位", "主要问题", "审查结论", "审查人", "办结日期", "备注"):
            assert squash(row[column]) in whole, (column, row[column])
    assert squash(register.totals().text()) in text[-1]
    assert embedded_fonts(path), "the CJK font must be embedded"


def test_every_page_repeats_the_headings_and_carries_its_number(tmp_path):
    register = as_register(synthetic_rows(40), bureau="某市生态环境局", date_from=YEAR[0], date_to=YEAR[1])
    path = printing.export_pdf(tmp_path / "r.pdf", register)
    text = pages_text(path)
    assert len(text) >= 3
    heading_row = "".join(REGISTER_COLUMNS)
    for number, page in enumerate(text, 1):
        assert heading_row in page, f"column headings missing on page {number}"
        assert f"—{number}—" in page
        assert "期间：2026年1月1日至2026年12月31日" in page
    assert "某市生态环境局合法性审查台账（续表）" in text[1]


def test_rows_are_never_cut_across_pages(tmp_path):
    rows = synthetic_rows(60, problem_lines=4)
    path = printing.export_pdf(tmp_path / "r.pdf", as_register(rows))
    text = pages_text(path)
    assert len(text) >= 4
    for i in range(1, len(rows) + 1):
        start = [n for n, page in enumerate(text) if f"始{i:04d}" in page]
        end = [n for n, page in enumerate(text) if f"终{i:04d}" in page]
        assert len(start) == 1 and start == end, f"row {i} starts on page {start} and ends on page {end}"


def test_a_row_taller_than_a_page_is_split_and_marked(tmp_path):
    rows = synthetic_rows(3)
    rows[1]["主要问题"] = "\n".join(f"{k}. 很长的问题说明第{k}行。" for k in range(1, 90)) + "\n终长行"
    path = printing.export_pdf(tmp_path / "r.pdf", as_register(rows))
    text = pages_text(path)
    first = next(n for n, page in enumerate(text) if "始0002" in page)
    last = next(n for n, page in enumerate(text) if "终长行" in page)
    assert last > first
    assert "2续" in text[first + 1]  # the continuation is marked under the row's number
    assert "终0003" in text[-1] and squash("合计：共3件") in text[-1]


def test_printer_and_pdf_share_one_render(qtbot, log, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    register = build_register(log, *YEAR, bureau="某市生态环境局")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printing.prepare_device(printer, register)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    pages = printing.render(printer, register)
    del printer
    writer_path = printing.export_pdf(tmp_path / "writer.pdf", register)
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == pages == len(PdfReader(writer_path).pages)
    assert "".join(pages_text(tmp_path / "printer.pdf")) == "".join(pages_text(writer_path))


def test_print_preview_renders_the_register(qtbot, log, tmp_path):
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    register = build_register(log, *YEAR, bureau="某市生态环境局")
    dialog = printing.preview_dialog(None, register)
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert widget.orientation() == QPageLayout.Orientation.Landscape
    assert widget.pageCount() == len(PdfReader(printing.export_pdf(tmp_path / "same.pdf", register)).pages)
    dialog.close()


def test_letter_pdf_has_the_letter_and_keeps_the_signature_with_its_date(log, sample, tmp_path):
    state = log.review(sample.ids["notice"])
    letter = build_letter(state, bureau="某市生态环境局")
    path = printing.export_letter_pdf(tmp_path / "意见书.pdf", letter)
    reader = PdfReader(path)
    assert float(reader.pages[0].mediabox.height) > float(reader.pages[0].mediabox.width)  # portrait
    text = pages_text(path)
    assert text[0].startswith("合法性审核意见书")
    whole = flowing_text(path)
    for block in letter.blocks:
        assert squash(block.text) in whole
    signed = [n for n, page in enumerate(text) if "某市生态环境局2026年4月10日" in page]
    assert signed and "审核人：李四" in text[signed[0]]
    assert all(f"—{n}—" in page for n, page in enumerate(text, 1))
    assert embedded_fonts(path)


def test_fair_competition_form_prints_its_table(log, sample, tmp_path):
    letter = build_letter(log.review(sample.ids["policy"]), bureau="某市生态环境局")
    whole = flowing_text(printing.export_letter_pdf(tmp_path / "表.pdf", letter))
    for label in ("政策措施名称", "市场准入和退出标准", "影响生产经营行为标准", "审查结论", "审查机构负责人意见"):
        assert label in whole
    assert "不符合。该政策措施不符合公平竞争审查标准" in whole


def test_stats_pdf_chart_and_widget(qtbot, log, tmp_path):
    from PySide6.QtGui import QColor

    stats = year_stats(log, 2026)
    whole = "".join(pages_text(printing.export_stats_pdf(tmp_path / "统计.pdf", stats)))
    assert squash(stats.paragraph()) in whole
    assert "2026年审查办理情况" in whole and "法律顾问意见" in whole
    image = printing.stats_chart_image(stats, 600, 300)
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 3) for y in range(0, 300, 3)}
    assert QColor("#3a7d44").name() in colours and QColor("#b23a48").name() in colours  # 通过 and 不符合 bars
    chart = printing.StatsChart(stats)
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    grabbed = chart.grab().toImage()
    assert any(grabbed.pixelColor(x, y).name() == "#3a7d44" for x in range(0, 600, 2) for y in range(0, 300, 2))


def test_cli_register_pdf(sample, tmp_path, capsys):
    from workbench.cli import main

    out = tmp_path / "台账.pdf"
    assert main(["register", "--from", "2026-01-01", "--to", "2026-12-31", "--pdf", str(out), "--type", "enforcement",
                 "--bureau", "某市生态环境局", "--db", str(sample.path)]) == 0
    whole = "".join(pages_text(out))
    assert "审查类型：重大执法决定法制审核" in whole and "某市生态环境局行政处罚决定书" in whole
    assert "公平竞争审查" not in whole.replace("合计", "")


def test_a_ledger_of_three_reviews_fits_one_page_and_twenty_about_one(tmp_path):
    from tests.helpers.review_log import build_year_log

    for count, most_pages in ((3, 1), (20, 2)):
        built = build_year_log(tmp_path / f"y{count}", count)
        with ReviewLog.open(built.path, readonly=True) as log:
            register = build_register(log, *YEAR, bureau="某市生态环境局")
        text = pages_text(printing.export_pdf(tmp_path / f"r{count}.pdf", register))
        assert len(text) <= most_pages, f"{count} reviews take {len(text)} pages"
        if count == 20:  # a full page holds 15–20 rows
            first_page_rows = sum(1 for row in register.rows if squash(row["文件名称及文号"]) in text[0])
            assert 15 <= first_page_rows <= 20, first_page_rows
            # The totals are printed with the last rows, never alone on a page.
            assert squash(register.rows[-1]["文件名称及文号"]) in text[-1] and "合计：共20件" in text[-1]


def test_letters_are_set_in_a_serif_face(log, sample, tmp_path):
    from workbench.reports.layout import QT_FONT_FALLBACKS

    body = printing.font_family("body")
    assert body in QT_FONT_FALLBACKS["body"][:QT_FONT_FALLBACKS["body"].index("Noto Sans CJK SC")], (
        f"no Song/Ming face installed (got {body}); scripts/dev.sh installs fonts-arphic-uming")
    path = printing.export_letter_pdf(tmp_path / "l.pdf", build_letter(log.review(sample.ids["notice"]), bureau="甲局"))
    assert any(any(k in name for k in ("Ming", "Song", "Serif", "FangSong", "Fangsong")) for name in embedded_fonts(path))


def test_no_page_of_a_letter_holds_only_the_signature(log, sample, tmp_path):
    for key in ("notice", "decision", "clean"):
        letter = build_letter(log.review(sample.ids[key]), bureau="某市生态环境局")
        text = [re.sub(r"—\d+—", "", page) for page in pages_text(printing.export_letter_pdf(tmp_path / f"{key}.pdf", letter))]
        last = text[-1]
        assert "审核人：" in last and "经审核，结论为" in last, (key, last)  # the conclusion goes with the signature


def _text_positions(path, page_number: int) -> list[tuple[float, str]]:
    out = []
    page = PdfReader(path).pages[page_number]
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and out.append((tm[5] * cm[3] + cm[5], text.strip())))
    return out


def test_a_long_table_of_figures_repeats_its_heading_above_the_rows(log, tmp_path):
    from dataclasses import replace

    from workbench.reports.stats import RuleFigures

    stats = year_stats(log, 2026)
    many = tuple(RuleFigures(f"r{i}", f"规则名称第{i:02d}号", "市场准入和退出", 90 - i, 1, 0) for i in range(90))
    path = printing.export_stats_pdf(tmp_path / "s.pdf", replace(stats, rules=many))
    text = pages_text(path)
    pages = [n for n, page in enumerate(text) if "规则名称第" in page]
    assert len(pages) >= 2
    for n in pages[1:]:  # a continuation page: the heading row first, every row below it
        positions = _text_positions(path, n)
        heads = [y for y, t in positions if t.startswith("规则") and "名称" not in t]
        rows = [y for y, t in positions if t.startswith("规则名称第")]
        assert heads and rows and min(heads) > max(rows), n  # PDF y grows upwards
    for i in range(90):
        assert "".join(text).count(f"规则名称第{i:02d}号") == 1  # no row drawn twice or cut


def test_footer_lines_and_notes_reach_every_printed_document(log, sample, tmp_path):
    from docx import Document

    from workbench.reports import write_letter_docx
    from workbench.reports.layout import FURNITURE_PROVIDERS, PageFurniture, add_furniture, page_furniture

    def provider(_log):
        return PageFurniture(footer_lines=("日志校验码 0123abcd",), notes=("注：规则包“甲”未能载入。",))

    add_furniture(provider)
    try:
        register = build_register(log, *YEAR, bureau="甲局")
        letter = build_letter(log.review(sample.ids["notice"]), bureau="甲局", furniture=page_furniture(log))
        stats = year_stats(log, 2026)
    finally:
        FURNITURE_PROVIDERS.remove(provider)
    for name, report in (("r", register), ("l", letter), ("s", stats)):
        text = pages_text(printing.export_pdf(tmp_path / f"{name}.pdf", report))
        assert all("日志校验码0123abcd" in page for page in text), name
        assert "".join(text).count("规则包“甲”未能载入") == 1, name
    doc = Document(write_letter_docx(letter, tmp_path / "l.docx"))
    assert "日志校验码 0123abcd" in "\n".join(p.text for p in doc.sections[0].footer.paragraphs)
    assert any("规则包“甲”未能载入" in p.text for p in doc.paragraphs)


# In tests/gui: printing from the command line needs the Qt application the GUI tests share.
def test_letter_as_pdf_alone_takes_the_next_number(sample, tmp_path, capsys):
    from workbench.cli import main

    out = tmp_path / "意见书.pdf"
    assert main(["letter", sample.ids["notice"][:8], "--pdf", str(out), "--prefix", "某环法审",
                 "--db", str(sample.path)]) == 0
    printed = capsys.readouterr().out
    assert "文号：某环法审〔2026〕" in printed and out.exists() and "Word" not in printed
    assert main(["letter", sample.ids["notice"][:8], "--db", str(sample.path)]) == 2
    assert "--docx" in capsys.readouterr().err
