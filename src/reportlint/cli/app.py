"""The ``reportlint`` commands (typer): check, annotate, baseline, rules, rule, parse, compare, plugins, init.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or internal error. The arguments and options are
declared in :mod:`reportlint.cli.args`.

The annotations here are evaluated when the functions are defined (no
``from __future__ import annotations``): typer reads every command's
parameters at each start, and string annotations would each be compiled and
evaluated there.
"""

import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import typer

from reportlint.cli import args
from reportlint.cli.usage import ReportlintCommand, ReportlintGroup
from reportlint.core.config import ConfigError, normalize_selector
from reportlint.core.diagnostics import Severity
from reportlint.core.rule import BaseRule
from reportlint.core.suggest import did_you_mean, unknown_name
from reportlint.core.values import clip
from reportlint.output import Reporter, ReporterOptions
from reportlint.run.cache import default_cache_dir
from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.registry import Registry
from reportlint.run.results import FileResult, RunResult
from reportlint.run.runner import Runner
from reportlint.version import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: The exit code of a run the user interrupted (Ctrl-C), as shells report SIGINT.
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="reportlint",
    help="政府信息公开工作年度报告检查工具 / A linter for government information-disclosure annual reports.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=ReportlintGroup,
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"reportlint: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _split_codes(values: list[str] | None) -> tuple[str, ...] | None:
    """Codes, prefixes and rule names given on the command line (comma-separated, repeatable)."""
    if not values:
        return None
    return tuple(normalize_selector(code) for value in values for code in value.split(",") if code.strip())


def _color(no_color: bool) -> bool:
    """Colour for text written to the terminal: never with ``--no-color`` or ``NO_COLOR``; ``FORCE_COLOR`` forces it."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reportlint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True, help="显示版本号 / Show the version."),
) -> None:
    """政府信息公开工作年度报告检查工具。"""


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


def _registry(config: Path | None) -> Registry:
    """The plugin registry for the listing commands; configuration errors end with exit code 2."""
    options = RunOptions(config_file=str(config) if config else None)
    try:
        return Runner([], options).registry
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None


def _outputs(formats: list[str], targets: list[Path]) -> list[tuple[str, Path | None]]:
    """Pair each ``-f`` with the ``-o`` at the same position; at most one goes to stdout."""
    if len(targets) > len(formats):
        if len(formats) == 1:
            raise ConfigError("一个输出格式只能写到一个文件（-o 比 -f 多）")
        raise ConfigError(f"给了 {len(targets)} 个 -o，但只有 {len(formats)} 个 -f")
    pairs = [(fmt, targets[index] if index < len(targets) else None) for index, fmt in enumerate(formats)]
    if sum(1 for _, target in pairs if target is None) > 1:
        raise ConfigError("多个输出格式时，除一个外都要用 -o 指定输出文件（-f 与 -o 按顺序配对）")
    return pairs


def _reporters(pairs: list[tuple[str, Path | None]], registry: Registry, options: ReporterOptions) -> list[tuple[Reporter, Path | None]]:
    """The reporters of the ``-f`` options, each with its ``-o`` target; a binary format never goes to a terminal."""
    chosen = []
    for name, target in pairs:
        reporter = registry.reporter(name)
        if reporter is None:
            names = [item.name for item in registry.reporters]
            raise ConfigError(f"未知的输出格式 {unknown_name(name, names)}（可选：{'、'.join(names)}）")
        if reporter.binary and target is None and sys.stdout.isatty():
            raise ConfigError(f"{name} 是二进制格式，不能输出到终端：请用 -o 指定文件，如 -f {name} -o 检查结果.{name}")
        chosen.append((reporter(replace(options, color=options.color and target is None)), target))
    return chosen


def _fixed_copy(fix: bool, targets: list[str], output_file: list[Path]) -> tuple[Path | None, list[Path]]:
    """With ``--fix`` on one .docx or .html file, the ``-o`` with that file's extension is where its fixed copy goes."""
    if not fix or len(targets) != 1 or Path(targets[0]).suffix.lower() not in (".docx", ".html", ".htm"):
        return None, output_file
    suffix = Path(targets[0]).suffix.lower()
    for index, target in enumerate(output_file):
        if target.suffix.lower() == suffix:
            return target, [*output_file[:index], *output_file[index + 1 :]]
    return None, output_file


@app.command(cls=ReportlintCommand)
def check(
    paths: args.Paths = None,
    output_format: args.OutputFormats = ["text"],  # noqa: B006 (typer reads the default)
    output_file: args.OutputFiles = [],  # noqa: B006
    select: args.Select = None,
    ignore: args.Ignore = None,
    extend_select: args.ExtendSelect = None,
    config: args.ConfigFile = None,
    isolated: args.Isolated = False,
    jobs: args.Jobs = None,
    fail_on: args.FailOn = None,
    exit_zero: args.ExitZero = False,
    baseline: args.Baseline = None,
    statistics: args.Statistics = False,
    quiet: args.Quiet = False,
    no_progress: args.NoProgress = False,
    file_timeout: args.FileTimeout = None,
    show_files: args.ShowFiles = False,
    allow_empty: args.AllowEmpty = False,
    no_color: args.NoColor = False,
    fix: args.Fix = False,
    unsafe_fixes: args.UnsafeFixes = False,
    diff: args.Diff = False,
    annotate: args.Annotate = None,
    stdin_filename: args.StdinFilename = None,
    force_exclude: args.ForceExclude = False,
    show_settings: args.ShowSettings = False,
    no_cache: args.NoCache = False,
    cache_dir: args.CacheDir = None,
    timings: args.Timings = False,
    previous: args.Previous = None,
) -> None:
    """检查报告 / Check reports and print findings."""
    started = time.perf_counter()
    targets = paths or ["."]
    try:
        _check_previous(previous or [])
        options = RunOptions(
            previous=tuple(str(path) for path in previous or ()),
            config_file=str(config) if config else None,
            isolated=isolated,
            select=_split_codes(select),
            ignore=_split_codes(ignore),
            extend_select=_split_codes(extend_select),
            fail_on=fail_on,
            jobs=jobs,
            keep_text=annotate is not None,
            force_exclude=force_exclude,
            stdin_filename=stdin_filename,
            timings=timings,
            file_timeout=file_timeout,
            keep_summaries=False,  # no output shows what batch rules compared (and a cached run then need not read it back)
        )
        if show_settings:
            from reportlint.cli.settings import render_settings

            typer.echo(render_settings(Runner(targets, options), targets[0]), nl=False)
            return
        if annotate is not None and (fix or diff):
            raise ConfigError("--annotate 不能与 --fix、--diff 同用：先用 --fix 修改，再加批注")
        fixed_copy, output_file = _fixed_copy(fix, targets, output_file)
        pairs = _outputs(output_format, output_file)
        runner = Runner(targets, options)
        reporter_options = ReporterOptions(statistics=statistics, quiet=quiet, color=_color(no_color))
        reporters = _reporters(pairs, runner.registry, reporter_options)
        keep_text = options.keep_text or any(reporter.needs_text for reporter, _ in reporters)
        # the result cache serves plain checks; --fix and --diff rewrite the files they read
        cache = None if no_cache or fix or diff else str((cache_dir or default_cache_dir(runner.config)).absolute())
        if keep_text != options.keep_text or cache is not None:
            runner = Runner(targets, replace(options, keep_text=keep_text, cache_dir=cache))
        ready = time.perf_counter()
        if fix or diff:
            from reportlint.cli.fixing import apply_fix_run

            run, status = apply_fix_run(runner, unsafe=unsafe_fixes, diff=diff, fixed_copy=fixed_copy)
            if diff:
                raise typer.Exit(status)
        else:
            run = runner.run(progress=_Progress(enabled=not no_progress))
        if baseline is not None:
            from reportlint.run.baseline import apply_baseline

            run = apply_baseline(run, baseline)
        if show_files:
            _show_files(run)
        if (
            not run.files and not allow_empty and not force_exclude
        ):  # with --force-exclude, files excluded on purpose are not "nothing found"
            typer.echo(
                f"reportlint: 警告：在 {'、'.join(targets)} 中没有找到任何报告文件（支持 .txt、.md、.html、.docx、.pdf），没有检查任何内容",
                err=True,
            )
            raise typer.Exit(EXIT_ERROR)
        if annotate is not None:
            from reportlint.output.annotate import annotate_into

            for copy, count in annotate_into(annotate, list(run.files), _rules_by_code(runner)):
                typer.echo(f"reportlint: 已写出批注副本 {copy}（{count} 条批注）", err=True)
        written = time.perf_counter()
        for reporter, target in reporters:
            _write(reporter, run, target, to_stderr=fix and runner.stdin is not None)
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None
    except OutputError as error:
        raise _fail(str(error)) from None
    except KeyboardInterrupt:
        typer.echo("\nreportlint: 已中断（Ctrl-C），检查没有完成", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if timings:
        _print_timings(
            run, {"stage:startup": ready - started, "stage:output": time.perf_counter() - written}, time.perf_counter() - started
        )
    for warning in run.warnings:
        typer.echo(f"reportlint: 警告：{warning}", err=True)
    for failure in run.failures:
        typer.echo(f"reportlint: 插件 {failure.plugin}：{failure.message}", err=True)
    raise typer.Exit(_exit_code(run, exit_zero))


def _print_timings(run: RunResult, own: dict[str, float], wall: float) -> None:
    """The ``--timings`` table on stderr: the command's and the run's stages, then every file's stages and rules summed."""
    from reportlint.run.timings import timing_lines, total

    seconds = total([own, run.timings, *(result.timings for result in run.files)])
    for line in timing_lines(seconds, len(run.files), wall):
        typer.echo(line, err=True)


def _show_files(run: RunResult) -> None:
    """``--show-files``: every file checked and every file passed over, with the reason, on stderr."""
    for result in run.files:
        status = "" if result.read else "（无法检查）"
        typer.echo(f"检查：{result.path}{status}", err=True)
    for skipped in run.skipped:
        typer.echo(f"跳过：{skipped.path}（{skipped.reason}）", err=True)


def _rules_by_code(runner: Runner) -> dict[str, type[BaseRule]]:
    return {rule.code: rule for rule in runner.registry.all_rules}


def _check_previous(previous: list[Path]) -> None:
    """``--previous`` must name existing files or directories."""
    for path in previous:
        if not path.exists():
            raise ConfigError(f"--previous：{path} 不存在（应为上一年度报告所在的目录或文件）")


def _exit_code(run: RunResult, exit_zero: bool) -> int:
    if run.failures:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    threshold = run.config.fail_on
    return EXIT_FINDINGS if any(d.severity >= threshold for d in run.diagnostics) else EXIT_CLEAN


class OutputError(Exception):
    """The output could not be written (a full disk, a closed pipe): a clear message and exit code 2."""


def _write(reporter: Reporter, run: RunResult, target: Path | None, to_stderr: bool = False) -> None:
    """A reporter's output: its bytes to a file or a pipe, its text to a terminal (standard error when stdout carries --fix's text)."""
    if target is None:
        stream = sys.stderr if to_stderr else sys.stdout
        try:
            if to_stderr or stream.isatty():
                stream.write(reporter.render(run))
                stream.flush()
                return
            sys.stdout.flush()
            for chunk in reporter.render_chunks(run):
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
        except OSError as error:
            _abandon_stdout()
            raise OutputError(f"无法写入标准输出：{error.strerror or error}") from None
        return
    chunks = reporter.render_chunks(run)
    first = next(chunks, b"")  # a reporter's own failure happens before the file is opened (the previous output stays)
    try:
        with target.open("wb") as stream:
            stream.write(first)
            for chunk in chunks:
                stream.write(chunk)
    except OSError as error:
        raise OutputError(f"无法写入输出文件 {target}：{error.strerror or error}") from None


def _abandon_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush does not fail again on the broken output."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@app.command("annotate", cls=ReportlintCommand)
def annotate_command(
    file: args.AnnotateFile,
    output: args.AnnotateOutput = None,
    select: args.Select = None,
    ignore: args.Ignore = None,
    config: args.ConfigFile = None,
    isolated: args.Isolated = False,
    baseline: args.Baseline = None,
    exit_zero: args.ExitZero = False,
) -> None:
    """写出带批注的 Word 副本 / Write a copy of a .docx report with one Word comment per finding."""
    from reportlint.output.annotate import annotate_copy, annotated_name, write_annotated

    target = output or annotated_name(file)
    try:
        options = RunOptions(
            config_file=str(config) if config else None,
            isolated=isolated,
            select=_split_codes(select),
            ignore=_split_codes(ignore),
            keep_text=True,
        )
        runner = Runner([str(file)], options)
        run = runner.run()
        if baseline is not None:
            from reportlint.run.baseline import apply_baseline

            run = apply_baseline(run, baseline)
        [result] = run.files or [FileResult(path=str(file), diagnostics=())]
        unreadable = [d for d in result.diagnostics if d.code.startswith("RL90")]
        if unreadable:
            raise _fail(f"{file}：{unreadable[0].message}")
        data, count = annotate_copy(result, _rules_by_code(runner), file)
        write_annotated(data, target, file)
    except ConfigError as error:
        raise _fail(f"{error}") from None
    typer.echo(f"已写出 {target}：{count} 条批注（原文件未修改）")
    raise typer.Exit(_exit_code(run, exit_zero))


@app.command("baseline", cls=ReportlintCommand)
def baseline_command(
    output: args.BaselineOutput = None,
    paths: args.BaselinePaths = None,
    config: args.ConfigFile = None,
    isolated: args.Isolated = False,
    show: args.BaselineShow = None,
    reason: args.BaselineReason = "",
) -> None:
    """记录当前的全部问题作为基线 / Record today's findings; later runs with --baseline report only new ones."""
    from reportlint.run.baseline import show_baseline, write_baseline

    try:
        if show is not None:
            typer.echo(show_baseline(show), nl=False)
            return
        if output is None:
            raise _fail("缺少 -o/--output：基线文件写到哪里（如 -o .reportlint-baseline.json）；查看已有基线用 --show 文件")
        run = Runner(paths or ["."], RunOptions(config_file=str(config) if config else None, isolated=isolated)).run()
        count = write_baseline(run, output, reason=reason)
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None
    except OSError as error:
        raise _fail(f"无法写入基线文件 {output}：{error.strerror or error}") from None
    typer.echo(f"已把 {count} 个问题记录到 {output}")


@app.command("rules", cls=ReportlintCommand)
def rules_command(output_format: args.RulesFormat = "text", config: args.ListingConfigFile = None) -> None:
    """列出所有规则 / List every rule with code, name, severity and origin."""
    registry = _registry(config)
    rules = sorted(registry.all_rules, key=lambda rule: rule.code)
    if output_format == "json":
        payload = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": Severity.parse(rule.severity).label,
                "origin": rule.origin,
                "summary": rule.summary(),
                "fix": rule.fix_safety,
                "applies_to": rule.applies_to.describe() if rule.applies_to is not None else "",
                "options": {key: {"default": option.default, "description": option.description} for key, option in rule.options.items()},
            }
            for rule in rules
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if output_format != "text":
        raise _fail(f"未知的格式 “{output_format}”（可选：text、json）")
    for rule in rules:
        fixable = {"safe": "[*]", "unsafe": "[~]"}.get(rule.fix_safety or "", "   ")
        typer.echo(f"{rule.code:<7} {rule.name:<34} {Severity.parse(rule.severity).label:<8} {fixable} {rule.origin:<24} {rule.summary()}")
    typer.echo("")
    typer.echo("[*] --fix 可自动修改    [~] 需要 --unsafe-fixes")


_FIX_SAFETY = {"safe": "安全，--fix 直接修改", "unsafe": "需要人工确认，--fix --unsafe-fixes 才修改"}


@app.command("rule", cls=ReportlintCommand)
def rule_command(code: args.RuleCode, config: args.ListingConfigFile = None) -> None:
    """显示一条规则的完整说明 / Show a rule's documentation with a bad and a good example."""
    registry = _registry(config)
    rule = registry.any_rule_by_code(normalize_selector(code)) or next(
        (item for item in registry.all_rules if item.name == code.strip()), None
    )
    if rule is None:
        codes = [item.code for item in registry.all_rules]
        names = [item.name for item in registry.all_rules]
        raise _fail(f"没有规则 “{clip(code)}”{did_you_mean(normalize_selector(code), codes) or did_you_mean(code.strip(), names)}")
    typer.echo(f"{rule.code} ({rule.name})")
    typer.echo(f"默认级别：{Severity.parse(rule.severity).label}    来源：{rule.origin}")
    if rule.fix_safety is not None:
        typer.echo(f"自动修改：{_FIX_SAFETY.get(rule.fix_safety, rule.fix_safety)}")
    if rule.applies_to is not None and rule.applies_to.describe():
        typer.echo(f"适用范围：{rule.applies_to.describe()}")
    typer.echo("")
    typer.echo(rule.plain_documentation())
    if rule.options:
        typer.echo("")
        typer.echo("选项（在配置文件的 [rules." + rule.name + "] 中设置）：")
        for key, option in rule.options.items():
            typer.echo(f"  {key} = {json.dumps(option.default, ensure_ascii=False)}    {option.description}")


@app.command("parse", cls=ReportlintCommand)
def parse_command(
    file: args.ParseFile,
    as_json: args.AsJson = False,
    config: args.ConfigFile = None,
    isolated: args.Isolated = False,
) -> None:
    """显示 reportlint 对一份报告的理解 / Show what the reader understood of a report.

    A file that cannot be read is reported as ``check`` reports it (its RL9 finding), with exit code 1.
    """
    from reportlint.output.parse_view import render_parse
    from reportlint.output.text import TextReporter

    try:
        linter = Linter(RunOptions(config_file=str(config) if config else None, isolated=isolated))
        loaded = linter.read(file, str(file))
        if isinstance(loaded, FileResult):
            run = RunResult(files=(loaded,), rules=(), config=linter.resolver.config_for(file))
            typer.echo(TextReporter(ReporterOptions(quiet=True)).render(run), nl=False)
            raise typer.Exit(EXIT_FINDINGS)
        output = render_parse(loaded, as_json=as_json)
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None
    typer.echo(output, nl=False)


@app.command("compare", cls=ReportlintCommand)
def compare_command(
    old: args.CompareOld,
    new: args.CompareNew,
    output_format: args.CompareFormat = "text",
    output_file: args.CompareOutput = None,
    config: args.ConfigFile = None,
    isolated: args.Isolated = False,
) -> None:
    """比较同一单位两个年度的报告 / Year-over-year view of one body's two reports: changed cells, paragraphs, RL7 findings."""
    from reportlint.output.compare import COMPARE_FORMATS, render_comparison
    from reportlint.run.compare import compare_reports

    try:
        if output_format not in COMPARE_FORMATS:
            raise ConfigError(f"未知的比较输出格式 “{output_format}”（可选：{'、'.join(COMPARE_FORMATS)}）")
        for path in (old, new):
            if not path.is_file():
                raise ConfigError(f"{path} 不存在或不是文件")
        options = RunOptions(config_file=str(config) if config else None, isolated=isolated)
        output = render_comparison(compare_reports(old, new, options), output_format)
        if output_file is None:
            typer.echo(output, nl=False)
        else:
            try:
                output_file.write_text(output, encoding="utf-8")
            except OSError as error:
                raise ConfigError(f"无法写入输出文件 {output_file}：{error.strerror or error}") from None
    except ConfigError as error:
        raise _fail(f"{error}") from None


@app.command("plugins", cls=ReportlintCommand)
def plugins_command(config: args.ConfigFile = None, verbose: args.Verbose = False) -> None:
    """列出已加载的插件和规则包 / List loaded plugins (third-party first), rule packs and templates, with versions."""
    from reportlint.core.resources import shipped_rules_dir

    registry = _registry(config)
    third_party = [info for info in registry.plugins if info.origin != "builtin"]
    builtin = [info for info in registry.plugins if info.origin == "builtin"]
    shipped = shipped_rules_dir()

    def is_shipped(path: Path) -> bool:
        return Path(path).resolve().is_relative_to(shipped)

    typer.echo("第三方插件：" if third_party else "第三方插件：无")
    for info in third_party:
        version = f" {info.version}" if info.version else ""
        typer.echo(f"  {info.name}{version}  [{info.origin}]  {info.module}")
        rules = [rule for rule in registry.rules if rule.origin == f"plugin:{info.name}"]
        if rules:
            typer.echo(f"    规则：{'、'.join(rule.code for rule in rules)}")
    for pack in (pack for pack in registry.rule_packs if not is_shipped(pack)):
        typer.echo(f"  规则包：{pack}")
    for template in (template for template in registry.templates if not is_shipped(template)):
        typer.echo(f"  模板：{template}")
    builtin_resources = [path for path in (*registry.rule_packs, *registry.templates) if is_shipped(path)]
    typer.echo(
        f"内置：reportlint {__version__}（{len(builtin)} 个内置插件，{len(builtin_resources)} 个随附的规则包和模板{'' if verbose else '；-v 逐个列出'}）"
    )
    if verbose:
        for info in builtin:
            typer.echo(f"  {info.name}  [{info.origin}]")
        for path in builtin_resources:
            typer.echo(f"  {path}")
    for failure in registry.failures:
        typer.echo(f"加载失败：{failure.plugin}：{failure.message}")
    if registry.failures:
        raise typer.Exit(EXIT_ERROR)


@app.command("clean", cls=ReportlintCommand)
def clean_command(config: args.ConfigFile = None, cache_dir: args.CacheDir = None) -> None:
    """删除结果缓存 / Remove the result cache (.reportlint_cache/ next to the config, or --cache-dir)."""
    from reportlint.run.cache import clear_cache

    try:
        directory = cache_dir or default_cache_dir(Runner([], RunOptions(config_file=str(config) if config else None)).config)
        removed = clear_cache(directory)
    except ConfigError as error:
        raise _fail(f"配置错误：{error}") from None
    except OSError as error:
        raise _fail(str(error)) from None
    typer.echo(f"已删除缓存 {directory}" if removed else f"没有缓存 {directory}")


@app.command("init", cls=ReportlintCommand)
def init_command(path: args.InitPath = Path("reportlint.toml"), force: args.Force = False) -> None:
    """生成带注释的初始配置文件 / Write a commented starter config."""
    if path.exists() and not force:
        raise _fail(f"{path} 已存在；如需覆盖请加 --force")
    from importlib.resources import files

    path.write_text(files("reportlint.cli").joinpath("starter.toml").read_text(encoding="utf-8"), encoding="utf-8")
    typer.echo(f"已生成 {path}")
