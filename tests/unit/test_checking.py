import pytest

from workbench.checking import check_file, enabled_reviews
from workbench.progress import Cancelled, Progress

DRAFT = "关于某事的规定\n第一条 全市新建项目须使用市建材公司生产的商品混凝土。\n第二条 违反本规定的，由市生态环境局处五千元罚款。\n"


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_progress_is_reported_in_order(draft):
    steps = []
    check_file(draft, progress=Progress(lambda label, fraction: steps.append(fraction)))
    assert steps == sorted(steps) and steps[-1] == 1.0 and len(steps) >= 3


def test_cancelled_work_raises_cancelled(draft):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        check_file(draft, progress=progress)


def test_disabled_packs_are_not_run(draft):
    all_reviews = {f.review for f in check_file(draft).findings}
    assert {"fair_competition", "legality"} <= all_reviews
    reviews = enabled_reviews({"disabled_packs": ["fair_competition"]})
    assert "fair_competition" not in {f.review for f in check_file(draft, reviews=reviews).findings}
