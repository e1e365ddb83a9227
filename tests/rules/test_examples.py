"""Every built-in rule's documentation runs: its 反例 is reported by the rule, its 正例 is not.

Each example is a fragment spliced into a clean sample report (the convention is in
:mod:`reportlint.testing.examples` and docs/plugins.md); the clean report itself must not be
reported, so that the example, not the sample, makes the rule fire. The YAML pack rules'
``examples: {bad, good}`` run the same way. The RL9 rules are the engine's findings about
files, plugins and suppressions, not about report text: their examples describe files (a scanned
PDF, a .doc renamed .docx) or directives in Markdown, HTML and Word comments, so they are checked
with such files by their case files (tests/rules/cases/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.rules.rl9_internal import InternalRule
from reportlint.run.registry import registry_for
from reportlint.testing.examples import check_rule_examples, rule_examples

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: Rules whose examples need a configuration: RL309 reports relations of template extensions.
EXAMPLE_CONFIG = {"RL309": {"templates": [str(FIXTURES / "templates" / "enterprise-docs.yaml")]}}

RULES = sorted(registry_for(Config()).rules, key=lambda rule: rule.code)
TEXT_RULES = [rule for rule in RULES if not issubclass(rule, InternalRule)]


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda rule: rule.code)
def test_documentation_examples(rule):
    runs = check_rule_examples(rule, config=EXAMPLE_CONFIG.get(rule.code))
    assert all(not run.clean_findings for run in runs), f"{rule.code} reports the clean sample report: {runs[0].clean_findings[0].message}"


def test_only_the_engines_rules_are_left_to_their_case_files():
    internal = [rule.code for rule in RULES if issubclass(rule, InternalRule)]
    assert internal == [*(f"RL9{number:02d}" for number in range(1, 16)), "RL950", "RL951"]  # files, plugins, budgets and suppressions
    for rule in RULES:
        kinds = [example.kind for example in rule_examples(rule)]
        assert "反例" in kinds and "正例" in kinds, rule.code
