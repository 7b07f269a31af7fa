"""Subcommands of ``workbench``: one module each, with ``add_parser(sub)`` and ``run(args) -> int``.

To add a command, write a module here and name it in ``COMMANDS`` below.
"""

# (name, module) in the order ``workbench --help`` lists them.
COMMANDS = [
    ("check", "workbench.commands.check"),
    ("rules", "workbench.commands.rules"),
    ("review", "workbench.commands.review"),
    ("opinion", "workbench.commands.opinion"),
    ("log", "workbench.commands.log"),
    ("laws", "workbench.commands.laws"),
    ("eval", "workbench.commands.eval"),
    ("register", "workbench.commands.register"),
    ("letter", "workbench.commands.letter"),
    ("annotate", "workbench.commands.annotate"),
    ("stats", "workbench.commands.stats"),
    ("issued", "workbench.commands.issued"),
    ("cleanup", "workbench.commands.cleanup"),
    ("cases", "workbench.commands.cases"),
]

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
