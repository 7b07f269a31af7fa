"""Where the registry's files are: the shipped folder and the user's overlay.

Kept apart from ``workbench.laws.data`` (the YAML reader) so that the compiled
cache can fingerprint the files without importing PyYAML.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

OVERLAY_NAME = "registry_overlay.yaml"


def shipped_registry_root():
    return resources.files("workbench.rulepacks") / "registry"


def default_overlay_path() -> Path:
    """``<data dir>/registry_overlay.yaml``; it need not exist."""
    from workbench.paths import data_dir

    return data_dir(create=False) / OVERLAY_NAME
