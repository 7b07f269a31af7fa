"""The hash chain over the event trail.

Each event's hash is ``sha256(prev_hash \\n head \\n payload)`` where ``head``
is the canonical JSON of the event's own fields (seq, uuid, origin, at, actor,
type, entity, record) and ``payload`` is the stored payload text, hashed as it
stands (so verifying does not have to parse it). The first event's
``prev_hash`` is the empty string.
"""

from __future__ import annotations

import hashlib
import json

HEAD_FIELDS = ("seq", "uuid", "origin", "at", "actor", "type", "entity", "record")


def canonical(value) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(prev_hash: str, head: dict, payload: str) -> str:
    text = f"{prev_hash}\n{canonical({k: head[k] for k in HEAD_FIELDS})}\n{payload}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
