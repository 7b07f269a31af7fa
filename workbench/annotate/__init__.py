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

from workbench.annotate.export import AnnotateResult, annotate, annotate_review

__all__ = ["AnnotateResult", "annotate", "annotate_review"]
