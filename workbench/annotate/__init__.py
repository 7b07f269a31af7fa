"""The annotated draft (批注稿): the drafting unit's own file with our findings and
opinions as Word comments, certain law-title fixes as tracked changes, and the
unit's replies read back from the revised draft it returns. No Qt here.

- ``annotate_review(log, review_id, out)`` / ``annotate(state, file_name, data, out)``
  (``workbench.annotate.export``);
- what each comment says: ``workbench.annotate.notes``; which titles are certain
  fixes: ``workbench.annotate.titles``;
- offsets → runs of the .docx: ``workbench.annotate.anchors``; comments and
  tracked changes written: ``workbench.annotate.writer``;
- comments and replies read back: ``workbench.annotate.replies``.
"""

__all__ = ["AnnotateResult", "annotate", "annotate_review"]


def __getattr__(name: str):
    # The export (and python-docx under it) only when asked for: the window imports
    # workbench.annotate.replies at start, which needs neither.
    if name in __all__:
        from workbench.annotate import export

        return getattr(export, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
