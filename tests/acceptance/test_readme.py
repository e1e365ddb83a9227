"""The README works as written: every ``reportlint`` command of its bash blocks runs on a copy of examples/.

Each fenced ``bash`` block that uses reportlint is run line by line, in order, in
a temporary directory holding a copy of ``examples/`` (so ``--fix`` edits the
copy), with this environment's ``reportlint`` first on ``PATH`` and a throw-away
``HOME`` (``--install-completion`` writes there). ``pip install`` steps are
checked (the extras they name exist) rather than run, and ``python -m pytest``
is this test suite itself. The sample configuration, the pre-commit snippet and
the CI snippets are checked too: the config loads as it is, the hook's ``rev``
is this version's tag, and the CI steps' reportlint commands run.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from reportlint import __version__

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == language]


def commands() -> list[str]:
    """Every command line of the bash blocks that use reportlint, in README order."""
    found = []
    for block in blocks("bash"):
        if "reportlint" not in block:
            continue
        for line in block.splitlines():
            line = line.split(" #")[0].strip() if not line.lstrip().startswith("#") else ""
            if line:
                found.append(line)
    return found


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "examples", root / "examples")
    (root / "home").mkdir()
    return root


def environment(workdir: Path) -> dict[str, str]:
    variables = dict(os.environ)
    variables["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{variables.get('PATH', '')}"
    variables["HOME"] = str(workdir / "home")
    variables["SHELL"] = "/bin/bash"
    variables.pop("FORCE_COLOR", None)
    return variables


def run(command: str, workdir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=workdir, capture_output=True, text=True, env=environment(workdir))


def provide_folders(command: str, workdir: Path) -> None:
    """A folder of reports the README names for illustration (``2022年度报告/``) is a copy of examples/."""
    words = shlex.split(command)
    for before, word in itertools.pairwise(words):
        if before in ("check", "baseline") and word.endswith("/") and not (workdir / word).exists():
            shutil.copytree(REPO / "examples", workdir / word)


def check_pip(segment: str) -> None:
    """A ``pip install`` step names this project (``.``) and extras that exist."""
    optional = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    target = segment.rsplit(maxsplit=1)[-1].strip("\"'")
    assert target.startswith("."), segment
    for extra in re.findall(r"\[([\w,-]+)\]", target):
        assert all(name in optional for name in extra.split(",")), f"{segment}: no such extra"


def test_the_readme_has_commands_for_every_feature():
    text = "\n".join(commands())
    for feature in ("annotate", "--fix", "--diff", "--stdin-filename", "baseline --show", "-f gitlab", "--install-completion", "--select"):
        assert feature in text, feature


def test_every_readme_command_runs(workdir):
    ran = 0
    for line in commands():
        for segment in (part.strip() for part in line.split("&&")):
            if segment.startswith("pip install"):
                check_pip(segment)
                continue
            if segment.startswith("python -m pytest"):
                continue  # the test suite this test belongs to
            provide_folders(segment, workdir)
            result = run(segment, workdir)
            output = result.stdout + result.stderr
            assert result.returncode in (0, 1), f"{segment}\n{output}"
            assert (
                "Traceback" not in output
                and "内部错误" not in output
                and "用法错误" not in output
                and "配置错误" not in output
                and ": RL901" not in output
            ), f"{segment}\n{output}"
            ran += 1
    assert ran >= 15
    # What the commands were meant to produce.
    assert json.loads((workdir / "reportlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "<html" in (workdir / "检查结果.html").read_text(encoding="utf-8")
    assert (workdir / "乡镇报告.批注.docx").is_file() and (workdir / "批注副本" / "examples" / "township-2022.批注.docx").is_file()
    assert (workdir / "乡镇报告.修改后.docx").is_file()
    assert isinstance(json.loads((workdir / "gl-code-quality-report.json").read_text(encoding="utf-8")), list)
    assert "reason" in (workdir / ".reportlint-baseline.json").read_text(encoding="utf-8")
    fixed = (workdir / "examples" / "defects-2021.txt").read_text(encoding="utf-8")
    assert fixed.splitlines()[0] == "台前县夹河乡2021年政府信息公开工作年度报告"  # --fix removed the doubled 公开
    assert list((workdir / "home").rglob("reportlint*"))  # the completion script was installed


def test_the_sample_config_loads_as_it_is(tmp_path):
    [sample] = [block for block in blocks("toml") if "select" in block]
    tomllib.loads(sample)
    (tmp_path / "reportlint.toml").write_text(sample, encoding="utf-8")
    shutil.copy(REPO / "examples" / "clean-2021.txt", tmp_path / "report.txt")
    shown = run("reportlint check --show-settings report.txt", tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert 'ignore = ["RL603"]' in shown.stdout and str(tmp_path / "reportlint.toml") in shown.stdout
    checked = run("reportlint check report.txt", tmp_path)
    assert checked.returncode in (0, 1), checked.stderr


def test_the_precommit_snippet_uses_this_release_and_the_shipped_hook():
    yaml = YAML(typ="safe")
    [config] = [yaml.load(block) for block in blocks("yaml") if "repos:" in block]
    [repository] = config["repos"]
    assert repository["rev"] == f"v{__version__}"
    hook_ids = {hook["id"] for hook in yaml.load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {hook["id"] for hook in repository["hooks"]} <= hook_ids


def _ci_commands(workflow: str) -> list[str]:
    return [line.strip().removeprefix("- ").removeprefix("run: ").strip() for line in workflow.splitlines() if "reportlint check" in line]


def test_the_github_workflow_has_the_permissions_and_actions_upload_needs(workdir):
    [workflow] = [block for block in blocks("yaml") if "upload-sarif" in block]
    data = YAML(typ="safe").load(workflow)
    assert data["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    steps = data["jobs"]["lint"]["steps"]
    assert any(step.get("uses") == "github/codeql-action/upload-sarif@v4" for step in steps)
    [install] = [step["run"] for step in steps if "pip install" in step.get("run", "")]
    assert install == f'pip install "reportlint @ git+https://github.com/reportlint/reportlint@v{__version__}"'
    assert "代码扫描" in README and "每个步骤" in README  # private repositories, annotation caps
    (workdir / "reports").mkdir(exist_ok=True)
    shutil.copy(REPO / "examples" / "defects-2021.txt", workdir / "reports" / "defects-2021.txt")
    for command in _ci_commands(workflow):
        result = run(command, workdir)
        assert result.returncode == 1, result.stderr
        assert "::error file=reports/defects-2021.txt" in result.stdout
    assert json.loads((workdir / "reportlint.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]


def test_the_gitlab_job_writes_a_code_quality_report(workdir):
    [job] = [block for block in blocks("yaml") if "codequality" in block]
    data = YAML(typ="safe").load(job)
    assert data["reportlint"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    (workdir / "reports").mkdir(exist_ok=True)
    shutil.copy(REPO / "examples" / "defects-2021.txt", workdir / "reports" / "defects-2021.txt")
    for command in _ci_commands(job):
        assert run(command, workdir).returncode == 1
    issues = json.loads((workdir / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert {issue["location"]["path"] for issue in issues} == {"reports/defects-2021.txt"}
