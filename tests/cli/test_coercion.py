"""The command line converts its simple parameters without pydantic, exactly as typer would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from reportlint.cli import args
from reportlint.cli.coercion import PlainCommand, plain_converter
from reportlint.testing.reports import SampleReport, render


def _app(command_class: type | None) -> typer.Typer:
    app = typer.Typer(add_completion=False)
    settings = {"cls": command_class} if command_class else {}

    @app.command(**settings)
    def check(
        paths: args.Paths = None,
        output_file: args.OutputFiles = [],  # noqa: B006
        config: args.ConfigFile = None,
        jobs: args.Jobs = None,
        fail_on: args.FailOn = None,
        no_cache: args.NoCache = False,
    ) -> None:
        typer.echo(repr((paths, output_file, config, jobs, fail_on, no_cache)))

    @app.command(**settings)
    def other() -> None:
        """A second command, so the first is a subcommand as in reportlint."""

    return app


@pytest.mark.parametrize(
    ("arguments", "env"),
    [
        (["check"], {}),
        (["check", "a.txt", "b", "-o", "x.json", "-o", "y", "--config", "r.toml", "-j", "2", "--fail-on", "error"], {}),
        (["check", "-j", "0"], {}),
        (["check", "-j", "x"], {}),
        (["check", "-j", "-3"], {}),
        (["check", "--no-cache"], {}),
        (["check"], {"REPORTLINT_NO_CACHE": "1"}),
        (["check"], {"REPORTLINT_NO_CACHE": "no"}),
        (["check"], {"REPORTLINT_NO_CACHE": "maybe"}),
    ],
)
def test_plain_conversion_gives_what_typer_gives(arguments, env):
    runner = CliRunner()
    theirs = runner.invoke(_app(None), arguments, env=env)
    ours = runner.invoke(_app(PlainCommand), arguments, env=env)
    assert (ours.exit_code, ours.output) == (theirs.exit_code, theirs.output)


def test_only_simple_parameters_are_converted_plainly():
    info = typer.models.OptionInfo()
    assert plain_converter(int, info)("7") == 7
    assert plain_converter(list[Path] | None, info)(["a", "b"]) == [Path("a"), Path("b")]
    assert plain_converter(float, info)(" 2.5 ") == 2.5
    assert plain_converter(complex, info) is None
    assert plain_converter(int | str, info) is None
    assert plain_converter(Path, typer.models.OptionInfo(exists=True)) is None


def test_checking_a_text_file_imports_neither_pydantic_nor_other_formats_or_outputs(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(render(SampleReport.build("T2021", 2021)), encoding="utf-8")
    script = (
        "import sys\n"
        f"sys.argv = ['reportlint', 'check', '--isolated', '--no-cache', {str(report)!r}]\n"
        "import atexit\n"
        "heavy = ['pydantic', 'reportlint.loaders.docx', 'reportlint.loaders.pdf', 'reportlint.loaders.html', 'reportlint.output.html',"
        " 'reportlint.output.xlsx', 'reportlint.output.sarif']\n"
        "atexit.register(lambda: print(sorted(name for name in heavy if name in sys.modules)))\n"
        "from reportlint.cli import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
