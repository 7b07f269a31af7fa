"""A small real review log for the report tests: drafts written to files, checked by the
rule engine, opened as reviews, findings disposed, counsel opinions added, reviews closed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from docx import Document

from workbench.checking import check_file
from workbench.log import ReviewLog
from workbench.log.model import DOCUMENT_KIND_FOR_TYPE

POLICY = (
    "某县工业和信息化局关于促进工业经济稳增长的若干措施\n"
    "一、对在本县注册并纳税的规模以上工业企业，按其缴纳增值税地方留成部分的50%给予奖励。\n"
    "二、全县新建项目须使用县建材有限公司生产的商品混凝土。\n"
    "三、外地检测机构必须取得县工业和信息化局的备案证明后方可在本县开展检测业务。\n"
)
NOTICE = (
    "关于加强排污单位管理的通知\n"
    "各单位：\n"
    "一、本市范围内的排污单位须经本局批准后方可排放污染物。\n"
    "二、企业应当使用本局推荐名录内的检测机构。\n"
    "本通知自2026年10月1日起施行，有效期五年。\n"
    "某市生态环境局\n"
    "2026年9月1日\n"
)
DECISION = (
    "行政处罚决定书\n"
    "某环罚〔2026〕13号\n"
    "当事人：河南宏达化工有限公司\n"
    "统一社会信用代码：91410700MA00000001\n"
    "经查，河南宏大化工有限公司未按规定密闭储存挥发性有机物料。以上事实有《现场检查笔录》为证。\n"
    "我局已告知你公司有权进行陈述和申辩，你公司未提出陈述、申辩。\n"
    "依据《中华人民共和国大气污染防治法》第一百零八条第（五）项的规定，我局决定责令你公司停产整治，"
    "并处罚款人民币拾伍万元整（¥150,000.00元）。\n"
    "你公司应当自收到本决定书之日起七日内将罚款缴至指定银行。\n"
    "如不服本决定，可在收到本决定书之日起十五日内申请行政复议，也可以在三个月内向人民法院提起行政诉讼。\n"
    "某市生态环境局\n"
    "2026年5月8日\n"
)
CLEAN_NOTICE = (
    "关于开展2026年生态环境宣传活动的通知\n"
    "各科室：\n"
    "为做好六五环境日宣传工作，现将有关事项通知如下。\n"
    "一、各科室按照职责分工组织宣传活动。\n"
    "本通知自印发之日起施行，有效期一年。\n"
)


@dataclass
class BuiltLog:
    path: Path
    ids: dict[str, str] = field(default_factory=dict)


def write_txt(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_docx(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(path)
    return path


def open_from(log: ReviewLog, path: Path, type_: str, **kwargs) -> str:
    return log.open_review(check_file(path, DOCUMENT_KIND_FOR_TYPE[type_]), type_, **kwargs)


def build_sample_log(folder: Path) -> BuiltLog:
    """Five reviews in 2026 (and one in 2025):

    - ``policy`` fair competition (.docx), every finding accepted, 1 opinion, closed 不符合 (reject);
    - ``notice`` legality (.txt), 2 findings accepted and the rest dismissed, 2 opinions (one edited), closed amend;
    - ``decision`` enforcement (.txt), all accepted, 1 opinion, closed pass;
    - ``clean`` legality, no findings, closed pass;
    - ``open`` legality still open (received 2026);
    - ``old`` legality received and closed in 2025, with an opinion written in 2025.
    """
    folder.mkdir(parents=True, exist_ok=True)
    built = BuiltLog(folder / "log.sqlite3")
    with ReviewLog.open(built.path, timeout=1) as log:
        ids = built.ids
        ids["policy"] = open_from(log, write_docx(folder, "稳增长措施.docx", POLICY), "fair_competition",
                                  unit="产业发展科", reviewer="张三", received=date(2026, 3, 2))
        state = log.review(ids["policy"])
        for f in state.findings:
            log.dispose(ids["policy"], f.label, "accept")
        log.add_opinion(ids["policy"], "王律师", "第二条指定县建材有限公司，建议删除。", finding_id="F1",
                        written=date(2026, 3, 5))
        log.close_review(ids["policy"], "reject", closed=date(2026, 3, 10))

        ids["notice"] = open_from(log, write_txt(folder, "排污单位管理通知.txt", NOTICE), "legality",
                                  unit="大气环境科", reviewer="李四", received=date(2026, 4, 1))
        state = log.review(ids["notice"])
        for i, f in enumerate(state.findings):
            if i < 2:
                log.dispose(ids["notice"], f.label, "accept")
            else:
                log.dispose(ids["notice"], f.label, "dismiss", reason="属于转述上位法规定")
        opinion = log.add_opinion(ids["notice"], "王律师", "第一条设定行政许可，建议删除。", written=date(2026, 4, 3))
        log.edit_opinion(opinion, "第一条“须经本局批准后方可排放”属于设定行政许可，建议删除。")
        log.add_opinion(ids["notice"], "赵律师", "同意审查意见。", written=date(2026, 4, 4))
        log.close_review(ids["notice"], "amend", closed=date(2026, 4, 10))

        ids["decision"] = open_from(log, write_txt(folder, "处罚决定书.txt", DECISION), "enforcement",
                                    unit="执法支队", reviewer="张三", received=date(2026, 5, 6))
        state = log.review(ids["decision"])
        for f in state.findings:
            log.dispose(ids["decision"], f.label, "accept")
        log.add_opinion(ids["decision"], "赵律师", "复议期限应为六十日。", written=date(2026, 5, 7))
        log.close_review(ids["decision"], "pass", closed=date(2026, 5, 8))

        ids["clean"] = open_from(log, write_txt(folder, "宣传活动通知.txt", CLEAN_NOTICE), "legality",
                                 unit="宣教科", reviewer="李四", received=date(2026, 6, 1))
        log.close_review(ids["clean"], "pass", closed=date(2026, 6, 2))

        ids["open"] = open_from(log, write_txt(folder, "另一通知.txt", NOTICE.replace("五年", "三年")), "legality",
                                unit="水环境科", reviewer="李四", received=date(2026, 11, 20))

        ids["old"] = open_from(log, write_txt(folder, "旧通知.txt", CLEAN_NOTICE.replace("2026", "2025")), "legality",
                               unit="宣教科", reviewer="李四", received=date(2025, 12, 1))
        log.add_opinion(ids["old"], "王律师", "无意见。", written=date(2025, 12, 2))
        log.close_review(ids["old"], "pass", closed=date(2025, 12, 3))
    return built


_TITLES = ("关于加强{}管理的通知", "{}专项整治工作方案", "关于促进{}高质量发展的若干措施", "{}管理暂行办法")
_SUBJECTS = ("排污单位", "建材市场", "机动车排气检测", "危险废物", "建筑工地扬尘", "餐饮油烟", "河道采砂",
             "畜禽养殖", "工业园区", "噪声污染", "固体废物", "饮用水水源地", "汽车维修行业", "加油站", "矿山生态修复",
             "秸秆禁烧", "涉挥发性有机物企业", "重点排污单位自动监测", "医疗废物", "生态环境信用评价")


def build_year_log(folder: Path, count: int) -> BuiltLog:
    """``count`` reviews received through 2026 as an office files them: drafts with real findings
    (checked by the rule engine), all accepted, a counsel opinion on every other one, closed, each
    with its letter numbered; the last one still open."""
    folder.mkdir(parents=True, exist_ok=True)
    built = BuiltLog(folder / "log.sqlite3")
    drafts = [(NOTICE, "legality", "大气环境科"), (POLICY, "fair_competition", "产业发展科"),
              (DECISION, "enforcement", "执法支队"), (CLEAN_NOTICE, "legality", "宣教科")]
    with ReviewLog.open(built.path, timeout=1) as log:
        for i in range(count):
            text, type_, unit = drafts[i % len(drafts)]
            subject = _SUBJECTS[i % len(_SUBJECTS)]
            title = _TITLES[i % len(_TITLES)].format(subject) if type_ != "enforcement" else "行政处罚决定书"
            body = text.split("\n", 1)[1] if type_ != "enforcement" else text.replace("13号", f"{i + 1}号")
            path = write_txt(folder, f"{i + 1:02d}.txt", (title + "\n" + body) if type_ != "enforcement" else body)
            received = date(2026, 1 + i * 11 // max(count, 1), 1 + i % 27)
            review = open_from(log, path, type_, unit=unit, reviewer=("张三", "李四")[i % 2], received=received)
            built.ids[f"r{i + 1}"] = review
            if i == count - 1:
                break  # the last stays open
            for f in log.review(review).findings:
                log.dispose(review, f.label, "accept")
            if i % 2:
                log.add_opinion(review, "王律师", "同意审查意见。", written=received)
            log.close_review(review, "amend" if type_ != "fair_competition" else "reject", closed=received)
            log.issue_letter(review, prefix="某环法审")
    return built
