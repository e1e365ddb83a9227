"""The rule set of a configuration (run/selection.py): which rules run on each report."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.core.diagnostics import Diagnostic
from reportlint.rules.rl9_internal import InternalRule
from reportlint.run.config import load_config
from reportlint.run.selection import RuleSet, build_rule_set


def test_the_rules_run_on_each_report_leave_out_those_only_the_engine_reports_through():
    rule_set = build_rule_set(load_config(None))
    internal = {rule.code for rule in rule_set.rules if isinstance(rule, InternalRule)}
    assert {"RL901", "RL907", "RL909", "RL950"} <= internal
    assert list(rule_set.rules_run) == [rule for rule in rule_set.rules if rule.code not in internal]
    assert {"RL101", "RL301", "RL603"} <= {rule.code for rule in rule_set.rules_run}
    assert rule_set.codes == {rule.code for rule in rule_set.rules}  # a suppression of RL950 still names a rule that ran


class _PluginNote(InternalRule):
    """A plugin's own rule built on the internal base, with a check of its own."""

    code = "HX901"
    name = "plugin-note"

    def check(self, report) -> Iterable[Diagnostic]:
        return ()


def test_a_rule_on_the_internal_base_with_a_check_of_its_own_is_run():
    registry = build_rule_set(load_config(None)).registry
    rule_set = RuleSet(registry, (_PluginNote(),))
    assert [rule.code for rule in rule_set.rules_run] == ["HX901"]
