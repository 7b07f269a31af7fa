"""施行日期 and 有效期 as issued documents state them, and the limits (≤ 5 years, 暂行/试行 ≤ 2)."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.intake import document_from_text
from workbench.stock.validity import period_problems, read_validity

SIGN = "\n示例市生态环境局\n2024年2月1日"


def validity(body: str, title: str = "示例市生态环境局关于印发大气污染防治管理办法的通知"):
    return read_validity(document_from_text(f"{title}\n示环发〔2024〕3号\n{body}{SIGN}", "normative"))


@pytest.mark.parametrize("body, effective, expires, stated", [
    ("本办法自2024年3月1日起施行，有效期五年。", date(2024, 3, 1), date(2029, 2, 28), "有效期五年"),
    ("本办法自印发之日起施行，有效期为3年。", date(2024, 2, 1), date(2027, 1, 31), "有效期为3年"),
    ("本办法自印发之日起30日后施行，有效期至2028年12月31日。", date(2024, 3, 2), date(2028, 12, 31), "有效期至2028年12月31日"),
    ("本办法有效期自2024年3月1日至2026年2月28日。本办法自2024年3月1日起施行。", date(2024, 3, 1), date(2026, 2, 28),
     "有效期自2024年3月1日至2026年2月28日"),
    ("本通知自发布之日起实施，有效期限为二十四个月。", date(2024, 2, 1), date(2026, 1, 31), "有效期限为二十四个月"),
])
def test_dates_as_stated(body, effective, expires, stated):
    v = validity(body)
    assert (v.effective, v.expires, v.stated) == (effective, expires, stated)
    assert not v.expires_inferred


def test_a_date_quoted_about_another_instrument_is_not_the_documents_own():
    v = validity("2017年修订的《建设项目环境保护管理条例》（自2017年10月1日起施行）施行以来，……\n一、……\n本办法自2024年3月1日起施行。")
    assert v.effective == date(2024, 3, 1)


def test_no_period_stated_is_inferred_five_years_and_said_so():
    v = validity("本办法自2024年3月1日起施行。")
    assert v.expires == date(2029, 2, 28) and v.expires_inferred and v.stated == ""
    assert period_problems(v) == [
        "未载明有效期，按规范性文件5年推定（《民政部规范性文件制定与审查办法》第二十三条、《上海市行政规范性文件制定和备案规定》第二十六条）"]


def test_provisional_document_limited_to_two_years():
    v = validity("本办法自2024年3月1日起施行，有效期三年。", title="示例市生态环境局关于印发大气污染防治暂行办法的通知")
    assert v.provisional and v.years == 3
    [problem] = period_problems(v)
    assert "超过名称冠以“暂行”“试行”的规范性文件不超过2年" in problem
    assert period_problems(validity("本办法自2024年3月1日起施行，有效期二年。", title="关于印发某试行办法的通知")) == []
    assert period_problems(validity("本办法自2024年3月1日起施行，有效期五年。")) == []
    assert "超过规范性文件不超过5年" in period_problems(validity("本办法自2024年3月1日起施行，有效期十年。"))[0]
