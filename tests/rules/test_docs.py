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
