"""Load a document and run the rules over it: the one path the CLI and the GUI share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.intake import Document, load_document
from workbench.intake.metadata import reading_date
from workbench.progress import NO_PROGRESS, Progress
from workbench.errors import RuleFileError
from workbench.rules.compiled import load_builtin_packs
from workbench.rules.model import REVIEWS, Finding, RuleSet

if TYPE_CHECKING:
    from workbench.rules.engine import Engine

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@lru_cache(maxsize=1)
def builtin_rule_set() -> RuleSet:
    """The built-in packs, loaded once per process; a broken pack is left out and named."""
    return load_builtin_packs()


@lru_cache(maxsize=1)
def builtin_engine() -> Engine:
    """The engine over the built-in packs that loaded, built once per process."""
    from workbench.rules.engine import Engine  # here: the window starts without the engine and its checks

    return Engine(builtin_rule_set().rules)


def missing_packs() -> dict[str, RuleFileError]:
    """Packs left out because a file of theirs is broken: review → the error (file and line)."""
    return builtin_rule_set().broken


def missing_pack_notes(short: bool = False) -> list[str]:
    """One line per missing pack, for the window and the CLI (``short``: for the foot of a printed page)."""
    from workbench.rules.model import REVIEW_LABELS

    return [
        f"规则包“{REVIEW_LABELS.get(review, review)}”未能加载（{exc.where}"
        + ("有误" if short else f"：{exc.problem}") + "），本次审查不含该规则包的检查"
        for review, exc in missing_packs().items()
    ]


def reload_builtin_rules() -> None:
    """Forget the loaded packs (after a rule file was edited, and in tests)."""
    builtin_rule_set.cache_clear()
    builtin_engine.cache_clear()


@dataclass
class CheckResult:
    document: Document
    findings: list[Finding] = field(default_factory=list)
    as_of: date | None = None

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def legal_review(self) -> tuple[bool, list[str]] | None:
        """For an enforcement decision: must it be legally reviewed (the catalogue), and for which items."""
        from workbench.catalogue import legal_review_required

        if self.document.kind is None or self.document.kind.value != "enforcement":
            return None
        required, matches = legal_review_required(self.findings)
        return required, [f"{m.label}（“{m.matched}”）" if m.matched else m.label for m in matches]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out


def check_file(path, kind=None, as_of: date | None = None, engine: Engine | None = None, reviews=REVIEWS,
               progress: Progress = NO_PROGRESS) -> CheckResult:
    """Read ``path`` and check it; raises ``InputError`` for a file that cannot be read
    and ``Cancelled`` when ``progress`` is cancelled between stages."""
    progress.step("正在读取文件", 0.05)
    doc = load_document(path, kind, progress)
    progress.step("正在审查", 0.6)
    engine = engine or builtin_engine()
    progress.step("正在审查", 0.7)
    result = check_document(doc, as_of, engine, reviews)
    progress.step("审查完成", 1.0)
    return result


def check_document(doc: Document, as_of: date | None = None, engine: Engine | None = None, reviews=REVIEWS) -> CheckResult:
    """Check ``doc`` with the packs named in ``reviews`` (all by default)."""
    engine = engine or builtin_engine()
    effective = reading_date(doc, as_of)
    return CheckResult(doc, engine.check(doc, as_of=effective, reviews=tuple(reviews)), effective)


def enabled_reviews(settings: dict) -> tuple[str, ...]:
    """The packs the user has not switched off (settings key ``disabled_packs``)."""
    disabled = set(settings.get("disabled_packs") or ())
    return tuple(r for r in REVIEWS if r not in disabled)
