"""合法性审查工作台 — an offline workbench for legality review in a Chinese bureau.

The core (intake, text, rules, log, reports) never imports Qt; only
``workbench.gui`` does, so the command line and the core tests run without it.
"""

__version__ = "0.1.0"
