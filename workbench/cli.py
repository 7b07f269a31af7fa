"""The command line: the same checks as the window, without a screen.

    workbench                      open the window
    workbench check PATH... [--kind auto|normative|enforcement] [--as-of YYYY-MM-DD] [--format text|json]
    workbench rules list|test      the rule packs and their own examples

Each subcommand lives in ``workbench.commands``. Exit status: 0 success (for
``check``: no error-level finding), 1 findings of severity error, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from workbench import __version__
from workbench.commands import COMMANDS, EXIT_BAD_INPUT
from workbench.errors import WorkbenchError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors in Chinese, exit 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: 参数错误：{message}\n")


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = _Parser(prog="workbench", description="合法性审查工作台（离线）。不带参数运行时打开窗口。")
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    gui = sub.add_parser("gui", help="打开窗口（可同时打开文件）")
    gui.add_argument("paths", nargs="*", help="要打开的草案文件")
    modules = {}
    for name, module_name in COMMANDS:
        module = importlib.import_module(module_name)
        module.add_parser(sub)
        modules[name] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from workbench.gui.app import run_gui

        return run_gui(getattr(args, "paths", None) or [])
    try:
        return modules[args.command].run(args)
    except WorkbenchError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into head and closed: not an error
        sys.stderr.close()
        return 0
