"""Every rule is documented for clerks: a one-line summary, a bad and a good example; codes follow the families."""

from __future__ import annotations

from reportlint.core.config import Config
from reportlint.run.registry import registry_for

#: Code families (DESIGN): 1 structure, 2 tables, 3 arithmetic, 4 places, 5 dates, 6 hygiene and wording
#: (the wording rules RL611–RL617 and the pack rules RL620+ included, see docs/wording.md), 9 internal.
#: RL7 is reserved for cross-document rules (issue 14); RL8 is not used.
FAMILIES = {"RL1", "RL2", "RL3", "RL4", "RL5", "RL6", "RL9"}


def test_every_rule_has_summary_and_examples():
    rules = registry_for(Config()).rules
    assert {rule.code[:3] for rule in rules} == FAMILIES
    for rule in rules:
        documentation = rule.documentation()
        assert rule.summary() and not rule.summary().isascii(), rule.code
        assert "反例" in documentation and "正例" in documentation, rule.code
        assert rule.name == rule.name.lower() and " " not in rule.name, rule.code


def test_codes_and_names_are_unique():
    rules = registry_for(Config()).rules
    assert len({rule.code for rule in rules}) == len(rules)
    assert len({rule.name for rule in rules}) == len(rules)


def _bad_example(documentation: str) -> str:
    import re

    bad = re.split(r"反例[^\n]*\n", documentation, maxsplit=1)[1].split("正例", 1)[0]
    return "\n".join(line.strip() for line in bad.strip().splitlines())


def test_every_rule_that_proposes_fixes_says_how_safe_they_are():
    from reportlint.run.linter import lint_text

    rules = registry_for(Config()).rules
    fixing = set()
    for rule in rules:
        text = "某镇2021年政府信息公开工作年度报告\n" + _bad_example(rule.documentation())
        if any(finding.fix is not None for finding in lint_text(text, rules=[rule])):
            fixing.add(rule.code)
            assert rule.fix_safety in ("safe", "unsafe"), rule.code
    assert {"RL601", "RL602", "RL603", "RL604", "RL606", "RL609"} <= fixing
    assert {rule.code for rule in rules if rule.fix_safety == "safe"} >= {"RL601", "RL602", "RL603", "RL604", "RL606"}
    assert next(rule for rule in rules if rule.code == "RL609").fix_safety == "unsafe"
