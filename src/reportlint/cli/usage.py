"""Usage errors and help in Chinese, like every other message: the command classes of the typer app.

typer (and the click it is built on) prints its own messages in English: ``No
such option: --foo``, ``Missing option '-o'``, ``Invalid value for '-j'``.
:class:`ReportlintGroup` runs the app in click's non-standalone mode, catches
the usage error and prints it in Chinese, with the nearest option or command
(ranked by edit distance, :mod:`reportlint.core.suggest`), the usage line and
where to find help; exit code 2 as before. The help option and the completion
options get Chinese help texts, and usage lines begin with ``用法：``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from typer import Abort, Exit

from reportlint.cli.coercion import PlainCommand, PlainGroup
from reportlint.core.suggest import did_you_mean
from reportlint.usercache.patterns import compiled

try:
    from typer._click import exceptions as click_exceptions  # recent typer ships its own copy of click
except ImportError:  # pragma: no cover - older typer builds on click itself
    from click import exceptions as click_exceptions  # type: ignore[no-redef, unused-ignore]

EXIT_USAGE = 2

_HELP_TEXTS = {
    "help": "显示帮助并退出 / Show this message and exit.",
    "install_completion": "为当前使用的 shell 安装命令补全 / Install completion for the current shell.",
    "show_completion": "显示当前 shell 的命令补全脚本，可复制后自行安装 / Show completion for the current shell.",
}
_EXTRA_ARGUMENTS = compiled(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)")
_NO_SUCH_COMMAND = compiled(r"No such command '([^']*)'")
_REQUIRES_VALUE = compiled(r"requires (an argument|\d+ arguments)")
_VALUE_TRANSLATIONS = (
    (compiled(r"valid integer|is not a valid int", re.IGNORECASE), "应为整数"),
    (compiled(r"valid number|is not a valid float", re.IGNORECASE), "应为数字"),
    (compiled(r"valid boolean|is not a valid bool", re.IGNORECASE), "应为 true 或 false"),
    (compiled(r"not in the range x>=(\d+)|greater than or equal to (\S+)"), "应不小于 {0}"),
    (compiled(r"less than or equal to (\S+)"), "应不大于 {0}"),
    (compiled(r"greater than (\S+)"), "应大于 {0}"),
    (compiled(r"not in the range x<=(\d+)"), "应不大于 {0}"),
    (compiled(r"not in the range (\S+)<=x<=(\S+)"), "应在 {0} 到 {1} 之间"),
    (compiled(r"'?(.*?)'? does not exist"), "{0} 不存在"),
    (compiled(r"is a directory"), "是目录，不是文件"),
    (compiled(r"is not one of (.*)\."), "只能取 {0}"),
)


def _no_type(ctx: Any) -> str:
    return ""


def _localise_help(parameters: Sequence[Any]) -> None:
    for parameter in parameters:
        text = _HELP_TEXTS.get(parameter.name or "")
        if text is not None:
            parameter.help = text


class ReportlintCommand(PlainCommand):
    """A command whose help option and usage line speak Chinese, and whose arguments show their metavar, not a Python type."""

    def __init__(self, **attributes: Any) -> None:
        super().__init__(**attributes)
        for parameter in self.params:
            if getattr(parameter, "param_type_name", "") == "argument" and parameter.metavar:
                setattr(parameter, "display_type", _no_type)  # noqa: B010 ("PATH" says more than "<list[str]>")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _HELP_TEXTS["help"]
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")


class ReportlintGroup(PlainGroup):
    """The ``reportlint`` command group: usage errors in Chinese, exit code 2."""

    def get_params(self, ctx: Any) -> Any:
        parameters = super().get_params(ctx)
        _localise_help(parameters)
        return parameters

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _HELP_TEXTS["help"]
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra)
        except click_exceptions.NoArgsIsHelpError as error:
            error.show()
            code = 0
        except click_exceptions.UsageError as error:
            sys.stderr.write(usage_error_text(error))
            sys.stderr.flush()
            code = EXIT_USAGE
        except Exit as exit_:
            code = exit_.exit_code
        except Abort:
            sys.stderr.write("reportlint: 已中断\n")
            code = 1
        except click_exceptions.ClickException as error:
            sys.stderr.write(f"reportlint: {error.format_message()}\n")
            code = error.exit_code
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def usage_error_text(error: Any) -> str:
    """A usage error in Chinese: the problem, the usage line, and where help is."""
    lines = [f"reportlint: 用法错误：{translate(error)}"]
    context = getattr(error, "ctx", None)
    if context is not None:
        lines.append(context.get_usage())
        lines.append(f"查看帮助：{context.command_path} --help")
    else:
        lines.append("查看帮助：reportlint --help")
    return "\n".join(lines) + "\n"


def translate(error: Any) -> str:
    """The Chinese message of a click usage error (the English text in brackets when it is not one we know)."""
    message = str(getattr(error, "message", "") or error)
    if isinstance(error, click_exceptions.NoSuchOption):
        return f"没有选项 {error.option_name}{did_you_mean(error.option_name, _option_names(error))}"
    if isinstance(error, click_exceptions.BadOptionUsage):
        if _REQUIRES_VALUE.search(message):
            return f"选项 {error.option_name} 后面需要一个值"
        return f"选项 {error.option_name} 用法不对（{message}）"
    if isinstance(error, click_exceptions.MissingParameter):
        return f"缺少{_parameter(error)}"
    if isinstance(error, click_exceptions.BadParameter):
        return f"{_parameter(error)} 的值无效：{_value_problem(message)}"
    extra = _EXTRA_ARGUMENTS.search(message)
    if extra:
        return f"多余的参数：{extra.group(1)}"
    command = _NO_SUCH_COMMAND.search(message)
    if command:
        context = getattr(error, "ctx", None)
        commands = list(getattr(context.command, "commands", {})) if context is not None else []
        listed = f"（可用：{'、'.join(sorted(commands))}）" if commands else ""
        return f"没有命令 “{command.group(1)}”{did_you_mean(command.group(1), commands)}{listed}"
    if message.startswith("Missing command"):
        return "缺少命令（如 reportlint check）"
    return f"命令行有误（{message}）"


def _option_names(error: Any) -> list[str]:
    context = getattr(error, "ctx", None)
    if context is None:
        return list(getattr(error, "possibilities", None) or ())
    names: list[str] = []
    for parameter in context.command.get_params(context):
        names.extend(getattr(parameter, "opts", ()))
        names.extend(getattr(parameter, "secondary_opts", ()))
    return [name for name in names if name.startswith("-")]


def _parameter(error: Any) -> str:
    """How the parameter of an error is named: ``选项 -j/--jobs`` or ``参数 FILE``."""
    parameter = getattr(error, "param", None)
    if parameter is None:
        hint = getattr(error, "param_hint", None)
        return f"参数 {hint}" if hint else "参数"
    options = [*getattr(parameter, "opts", ()), *getattr(parameter, "secondary_opts", ())]
    if getattr(parameter, "param_type_name", "") == "option" and options:
        return "选项 " + "/".join(options)
    return f"参数 {(parameter.metavar or parameter.name or '').upper()}"


def _value_problem(message: str) -> str:
    for pattern, chinese in _VALUE_TRANSLATIONS:
        found = pattern.search(message)
        if found:
            return chinese.format(*(group for group in found.groups() if group is not None))
    return message
