"""The ``reportlint`` command line (typer): check, baseline, rules, rule, parse, plugins, init.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or internal error.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from dataclasses import replace
from pathlib import Path
from typing import List, Optional

import typer

from reportlint.core.version import __version__
from reportlint.core.config import Config, ConfigError
from reportlint.run.config import find_config_file, load_config
from reportlint.core.diagnostics import Severity
from reportlint.run.options import RunOptions
from reportlint.run.results import RunResult
from reportlint.run.runner import lint_paths
from reportlint.run.registry import registry_for
from reportlint.output import ReporterOptions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="reportlint",
    help="政府信息公开工作年度报告检查工具 / A linter for government information-disclosure annual reports.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"reportlint: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _split_codes(values: Optional[List[str]]) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reportlint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="显示版本号 / Show the version."
    ),
) -> None:
    """政府信息公开工作年度报告检查工具。"""


def _base_config(config_file: Optional[Path], isolated: bool) -> Config:
    if isolated:
        return Config()
    return load_config(config_file if config_file else find_config_file(Path.cwd()))


class _Progress:
    """A one-line progress counter on stderr, only on a terminal and for several files."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        sys.stderr.write(f"\r检查中 {done}/{total}")
        if done == total:
            sys.stderr.write("\r" + " " * 24 + "\r")
        sys.stderr.flush()


def _registry(config: Optional[Path]):
    """The plugin registry for the listing commands; configuration errors end with exit code 2."""
    try:
        return registry_for(_base_config(config, False))
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None


def _outputs(formats: List[str], files: List[Path]) -> list[tuple[str, Path | None]]:
    """Pair each ``-f`` with the ``-o`` at the same position; at most one goes to stdout."""
    if len(files) > len(formats):
        if len(formats) == 1:
            raise ConfigError("一个输出格式只能写到一个文件（-o 比 -f 多）")
        raise ConfigError(f"给了 {len(files)} 个 -o，但只有 {len(formats)} 个 -f")
    pairs = [(fmt, files[index] if index < len(files) else None) for index, fmt in enumerate(formats)]
    if sum(1 for _, target in pairs if target is None) > 1:
        raise ConfigError("多个输出格式时，除一个外都要用 -o 指定输出文件（-f 与 -o 按顺序配对）")
    return pairs


@app.command()
def check(
    paths: List[str] = typer.Argument(None, help="要检查的文件或目录（目录递归检查），默认当前目录 / Files or directories."),
    output_format: List[str] = typer.Option(
        ["text"], "-f", "--output-format", help="输出格式：text、full、json、sarif、github、html；可多次给出，与 -o 按顺序配对"
    ),
    output_file: List[Path] = typer.Option([], "-o", "--output-file", help="输出文件（与 -f 按顺序配对）"),
    select: Optional[List[str]] = typer.Option(None, "--select", help="只启用这些规则代码或前缀（逗号分隔），如 RL3,RL601"),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="忽略这些规则代码或前缀"),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="在配置之外再启用这些规则"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用指定的配置文件（不再向上查找）"),
    isolated: bool = typer.Option(False, "--isolated", help="忽略所有配置文件"),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, help="并行进程数（默认：CPU 核数）"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="达到该级别即以 1 退出：error、warning（默认）、info"),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="即使发现问题也以 0 退出"),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="不报告基线文件中已记录的问题"),
    statistics: bool = typer.Option(False, "--statistics", help="按规则统计问题数量"),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="只输出问题，不输出汇总"),
    no_progress: bool = typer.Option(False, "--no-progress", help="不显示进度"),
) -> None:
    """检查报告 / Check reports and print findings."""
    try:
        pairs = _outputs(output_format, output_file)
        options = RunOptions(
            config_file=str(config) if config else None,
            isolated=isolated,
            select=_split_codes(select),
            ignore=_split_codes(ignore),
            extend_select=_split_codes(extend_select),
            fail_on=fail_on,
            jobs=jobs,
        )
        reporters = _reporters(pairs, options, ReporterOptions(statistics=statistics, quiet=quiet))
        if any(reporter.needs_text for reporter, _ in reporters):
            options = replace(options, keep_text=True)
        run = _run_check(paths or ["."], options, no_progress)
        if baseline is not None:
            from reportlint.run.baseline import apply_baseline

            run = apply_baseline(run, baseline)
        for reporter, target in reporters:
            _write(reporter.render(run), target)
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None
    for warning in run.warnings:
        typer.echo(f"reportlint: 警告：{warning}", err=True)
    for failure in run.failures:
        typer.echo(f"reportlint: 插件 {failure.plugin}：{failure.message}", err=True)
    raise typer.Exit(_exit_code(run, exit_zero))


def _reporters(pairs, options: RunOptions, reporter_options: ReporterOptions):
    registry = registry_for(_base_config(Path(options.config_file) if options.config_file else None, options.isolated))
    chosen = []
    for name, target in pairs:
        reporter = registry.reporter(name)
        if reporter is None:
            from reportlint.core.suggest import did_you_mean

            names = [item.name for item in registry.reporters]
            raise ConfigError(f"未知的输出格式 “{name}”{did_you_mean(name, names)}（可选：{'、'.join(names)}）")
        chosen.append((reporter(reporter_options), target))
    return chosen


def _run_check(paths: List[str], options: RunOptions, no_progress: bool) -> RunResult:
    return lint_paths(paths, options, progress=_Progress(enabled=not no_progress))


def _exit_code(run: RunResult, exit_zero: bool) -> int:
    if run.failures:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    threshold = run.config.fail_on
    return EXIT_FINDINGS if any(d.severity >= threshold for d in run.diagnostics) else EXIT_CLEAN


def _write(output: str, target: Optional[Path]) -> None:
    if target is None:
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    try:
        target.write_text(output, encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"无法写入输出文件 {target}：{error.strerror or error}") from None


@app.command("baseline")
def baseline_command(
    paths: List[str] = typer.Argument(None, help="要记录的文件或目录"),
    output: Path = typer.Option(..., "-o", "--output", help="基线文件路径，如 .reportlint-baseline.json"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用指定的配置文件"),
    isolated: bool = typer.Option(False, "--isolated", help="忽略所有配置文件"),
) -> None:
    """记录当前的全部问题作为基线 / Record today's findings; later runs with --baseline report only new ones."""
    from reportlint.run.baseline import write_baseline

    try:
        run = lint_paths(paths or ["."], RunOptions(config_file=str(config) if config else None, isolated=isolated))
        count = write_baseline(run, output)
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None
    except OSError as error:
        raise _fail(f"无法写入基线文件 {output}：{error.strerror or error}") from None
    typer.echo(f"已把 {count} 个问题记录到 {output}")


@app.command("rules")
def rules_command(
    output_format: str = typer.Option("text", "--format", help="text 或 json"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用指定的配置文件（加载其中的规则包和插件）"),
) -> None:
    """列出所有规则 / List every rule with code, name, severity and origin."""
    registry = _registry(config)
    rules = sorted(registry.rules, key=lambda rule: rule.code)
    if output_format == "json":
        payload = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": Severity.parse(rule.severity).label,
                "origin": rule.origin,
                "summary": rule.summary(),
                "options": {key: {"default": option.default, "description": option.description} for key, option in rule.options.items()},
            }
            for rule in rules
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if output_format != "text":
        raise _fail(f"未知的格式 “{output_format}”（可选：text、json）")
    for rule in rules:
        typer.echo(f"{rule.code:<7} {rule.name:<34} {Severity.parse(rule.severity).label:<8} {rule.origin:<24} {rule.summary()}")


@app.command("rule")
def rule_command(
    code: str = typer.Argument(..., help="规则代码，如 RL601"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用指定的配置文件（加载其中的规则包和插件）"),
) -> None:
    """显示一条规则的完整说明 / Show a rule's documentation with a bad and a good example."""
    registry = _registry(config)
    rule = registry.rule_by_code(code.strip().upper()) or next(
        (item for item in registry.rules if item.name == code.strip()), None
    )
    if rule is None:
        from reportlint.core.suggest import did_you_mean

        raise _fail(f"没有规则 “{code}”{did_you_mean(code.upper(), [item.code for item in registry.rules])}")
    typer.echo(f"{rule.code} ({rule.name})")
    typer.echo(f"默认级别：{Severity.parse(rule.severity).label}    来源：{rule.origin}")
    typer.echo("")
    typer.echo(rule.documentation())
    if rule.options:
        typer.echo("")
        typer.echo("选项（在配置文件的 [rules." + rule.name + "] 中设置）：")
        for key, option in rule.options.items():
            typer.echo(f"  {key} = {json.dumps(option.default, ensure_ascii=False)}    {option.description}")


@app.command("parse")
def parse_command(
    file: Path = typer.Argument(..., help="要解析的报告文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用指定的配置文件"),
    isolated: bool = typer.Option(False, "--isolated", help="忽略所有配置文件"),
) -> None:
    """显示 reportlint 对一份报告的理解 / Show what the reader understood of a report."""
    from reportlint.output.parse_view import parse_file

    try:
        output = parse_file(file, as_json=as_json, config_file=config, isolated=isolated)
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None
    typer.echo(output, nl=False)


@app.command("plugins")
def plugins_command(
    config: Optional[Path] = typer.Option(None, "--config", help="使用指定的配置文件"),
) -> None:
    """列出已加载的插件和规则包 / List loaded plugins, rule packs and templates, with versions."""
    registry = _registry(config)
    for info in registry.plugins:
        version = f" {info.version}" if info.version else ""
        typer.echo(f"{info.name}{version}  [{info.origin}]  {info.module}")
    for pack in registry.rule_packs:
        typer.echo(f"规则包：{pack}")
    for template in registry.templates:
        typer.echo(f"模板：{template}")
    for failure in registry.failures:
        typer.echo(f"加载失败：{failure.plugin}：{failure.message}")
    if registry.failures:
        raise typer.Exit(EXIT_ERROR)


STARTER_CONFIG = '''# reportlint 配置文件（由 reportlint init 生成）
# 说明见 https://github.com/reportlint/reportlint#配置

# 启用的规则：代码或前缀，ALL 表示全部
select = ["ALL"]
# 忽略的规则
ignore = []

# 达到该级别即以 1 退出：error、warning、info
fail-on = "warning"

# 不检查的文件或目录（相对本文件的 glob）
exclude = ["drafts/**"]

# 对部分文件忽略部分规则
[per-file-ignores]
# "archive/2019/*" = ["RL603"]

# 修改规则的默认级别
[severity]
# RL603 = "info"

# 报告没有写清主体名称时，按文件指定主体
[subject]
# "reports/兴国镇/*" = "秦安县兴国镇人民政府"

# 规则选项
# [rules.duplicated-word]
# allow = ["看看"]
'''


@app.command("init")
def init_command(
    path: Path = typer.Option(Path("reportlint.toml"), "--path", help="写到哪个文件"),
    force: bool = typer.Option(False, "--force", help="覆盖已有文件"),
) -> None:
    """生成带注释的初始配置文件 / Write a commented starter config."""
    if path.exists() and not force:
        raise _fail(f"{path} 已存在；如需覆盖请加 --force")
    path.write_text(STARTER_CONFIG, encoding="utf-8")
    typer.echo(f"已生成 {path}")


def main() -> None:
    """Console-script entry point: run the app, turning unexpected errors into exit code 2."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("reportlint: 已中断", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as error:  # never a bare traceback for users
        if os.environ.get("REPORTLINT_DEBUG"):
            traceback.print_exc()
        typer.echo(
            f"reportlint: 内部错误：{type(error).__name__}: {error}（设置 REPORTLINT_DEBUG=1 可查看详细信息，请报告此问题）",
            err=True,
        )
        sys.exit(EXIT_ERROR)
