"""The command line: the same checks as the window, without a screen.

    workbench [FILE…]              open the window (with the files, as ``workbench gui FILE…``)
    workbench check PATH... [--kind auto|normative|enforcement] [--as-of YYYY-MM-DD] [--format text|json]
    workbench rules list|test      the rule packs and their own examples

Each subcommand lives in ``workbench.commands``. Exit status: 0 success (for
``check``: no error-level finding), 1 findings of severity error, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from workbench import __version__, regex_cache
from workbench.commands import COMMANDS, EXIT_BAD_INPUT
from workbench.errors import WorkbenchError


# argparse's own words (usage, help, its error messages) in Chinese: argparse
# looks them up through the module-level gettext functions at call time.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 须给出其一",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "至多一个值",
    "argument \"-\" with mode %r": "参数“-”的模式 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)
argparse.ngettext = lambda singular, plural, n: _ARGPARSE_ZH.get(singular if n == 1 else plural, singular if n == 1 else plural)


def _looks_like_files(argv: list[str], modules: dict) -> bool:
    """True when the first argument is no command or option but a file (or has a file's suffix)."""
    from pathlib import Path

    first = argv[0]
    if first.startswith("-") or first in modules or first == "gui":
        return False
    return Path(first).exists() or bool(Path(first).suffix)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors in Chinese, exit 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: 参数错误：{message}\n")


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict]:
    """The parser of every command, or of the command ``only`` alone (the others' modules are not imported)."""
    parser = _Parser(prog="workbench", description="合法性审查工作台（离线）。不带参数运行时打开窗口；"
                                                   "workbench 草案.docx 打开窗口并登记该文件。")
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    gui = sub.add_parser("gui", help="打开窗口（可同时打开文件）")
    gui.add_argument("paths", nargs="*", help="要打开的草案文件")
    gui.add_argument("--screenshot", metavar="PNG", help="打开窗口，保存窗口截图后退出（用于检查安装是否完整）")
    modules = {}
    for name, module_name in COMMANDS:
        if only is not None and name != only:
            continue
        module = importlib.import_module(module_name)
        module.add_parser(sub)
        modules[name] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Regexes compiled in earlier runs of the command are read back, not compiled again (~70 ms of a check).
    regex_cache.install(argv[0] if argv and argv[0] in dict(COMMANDS) else "gui")
    try:
        return _main(argv)
    finally:
        regex_cache.save()


def _main(argv: list[str]) -> int:
    # A named command needs only its own parser, and the window none of the commands' (building
    # all of them imports every command's module): all are built only for --help, --version, a typo.
    commands = dict(COMMANDS)
    if argv and argv[0] in commands:
        only = argv[0]
    elif not argv or argv[0] == "gui" or _looks_like_files(argv, commands):
        only = "gui"
        if argv and argv[0] != "gui":
            argv = ["gui", *argv]  # `workbench 草案.docx` opens it, as `workbench gui 草案.docx` does
    else:
        only = None
    parser, modules = build_parser(only)
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from workbench.gui.app import run_gui

        screenshot = getattr(args, "screenshot", None)
        return run_gui(getattr(args, "paths", None) or [], **({"screenshot": screenshot} if screenshot else {}))
    try:
        return modules[args.command].run(args)
    except WorkbenchError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into head and closed: not an error
        sys.stderr.close()
        return 0
