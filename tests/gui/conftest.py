import pytest
from docx import Document as NewDocx

from workbench.gui.main_window import MainWindow
from workbench.log import ReviewLog
from workbench.workspace import Workspace
from tests.helpers.qt import WAIT_MS

DRAFT = [
    "某市生态环境局关于加强建材市场管理的若干规定",
    "第一条 全市新建项目须使用市建材公司生产的商品混凝土。",
    "第二条 违反本规定的，由市生态环境局处五千元罚款。",
    "第三条 在本市范围内新建搅拌站的，须经本局批准后方可施工。",
    "第四条 本规定依据《中华人民共和国大气污染防治法》第九十九条制定。",
]


@pytest.fixture
def draft_docx(tmp_path):
    path = tmp_path / "建材规定（征求意见稿）.docx"
    d = NewDocx()
    for line in DRAFT:
        d.add_paragraph(line)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "起草单位"
    t.cell(0, 1).text = "大气环境科"
    d.save(path)
    return path


@pytest.fixture
def log_path(tmp_path):
    return tmp_path / "审查日志.sqlite3"


@pytest.fixture
def make_window(qtbot, log_path):
    opened = []

    def make(settings=None):
        log = ReviewLog.open(log_path)
        settings = settings or {"reviewer": "王审查", "counsel": ["李律师", "赵律师"], "recent_files": []}
        window = MainWindow(Workspace(log, settings))
        qtbot.addWidget(window)
        window.show()
        opened.append(log)
        return window

    yield make
    for log in opened:
        log.close()


PARTICULARS = None  # filled per test with dates


def wait_idle(qtbot, window, timeout=WAIT_MS):
    qtbot.waitUntil(lambda: not window.busy and not window.pending, timeout=timeout)


@pytest.fixture(autouse=True, scope="session")
def chinese_qt(qapp):
    """The tests see the window as users do: Qt's own dialogs in Chinese."""
    from workbench.gui.app import install_chinese

    install_chinese(qapp)
