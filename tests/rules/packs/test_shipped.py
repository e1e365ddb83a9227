"""reportlint's own packs: verified here, so every run can load them without compiling a regex or running an example."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reportlint.core.resources import shipped_rule_packs
from reportlint.rules.packs import load_pack
from reportlint.rules.packs.base import PackPattern
from reportlint.rules.packs.confusable import ConfusableRule

SHIPPED = shipped_rule_packs()


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_each_shipped_pack_passes_the_checks_a_province_pack_gets(path):
    # every regex compiled and scanned for runaway shapes, every confusable entry's examples run: no error, no warning
    pack = load_pack(path, verify=True)
    assert pack.rules and pack.warnings == ()


def test_a_shipped_pack_is_loaded_unverified_and_its_patterns_compiled_only_when_searched():
    rules = {rule.code: rule for path in SHIPPED for rule in load_pack(path).rules}
    patterns = [rules[code].compiled for code in ("RL610", "RL621", "RL625", "RL626")]
    patterns += [entry.pattern for rule in rules.values() if issubclass(rule, ConfusableRule) for entry in rule.entries]
    assert all(isinstance(pattern, PackPattern) and pattern._compiled is None for pattern in patterns)
    spam = rules["RL610"].compiled
    assert spam.search("某网站 BET365 广告").group(0) == "BET365"  # the words with case match case-insensitively
    assert spam._compiled is not None


def test_checking_a_report_with_the_shipped_packs_does_not_import_the_regex_module():
    # importing ``regex`` and compiling the packs' patterns was 20–25 ms of every start; RL625's pattern runs on every
    # 2021-or-later report, with ``re``
    code = (
        "import sys\n"
        "from reportlint.core.resources import shipped_rule_packs\n"
        "from reportlint.rules.packs import load_pack\n"
        "from reportlint.run.linter import lint_text\n"
        "from reportlint.testing.reports import SampleReport, render\n"
        "rules = [rule for path in shipped_rule_packs() for rule in load_pack(path).rules]\n"
        "text = render(SampleReport.build('T2021', 2022, seed=1), 'tabs')\n"
        "print(sorted({d.code for d in lint_text(text, rules=rules)}), 'regex' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[] False"


def test_a_shipped_pattern_re_cannot_read_runs_with_the_regex_module(tmp_path):
    import re

    import regex

    assert isinstance(PackPattern("在次(?=公开)", builtin=True).compiled, re.Pattern)
    assert isinstance(PackPattern(r"××\p{Han}", builtin=True).compiled, regex.Pattern)
    assert isinstance(PackPattern("在次(?=公开)").compiled, regex.Pattern)  # a province's pack: the regex module, always


def test_a_pattern_survives_pickling_uncompiled():
    import pickle

    pattern = pickle.loads(pickle.dumps(PackPattern("在次(?=公开)", builtin=True)))
    assert pattern._compiled is None and pattern.builtin and pattern.search("在次公开").span() == (0, 2)
