"""Which rules run: ruff-style selection by code prefix, and the instantiated rules of a configuration."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlint.core.batch import BatchRule
from reportlint.core.config import Config, ConfigError, validate_codes, validate_rule_names
from reportlint.core.rule import Rule, RuleDefinitionError
from reportlint.run.registry import Registry, registry_for


def _prefix_strength(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector matching ``code`` (``ALL`` counts 0); -1 if none."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def is_selected(code: str, config: Config, extra_ignores: Sequence[str] = ()) -> bool:
    """ruff-style selection: the most specific matching selector decides."""
    chosen = _prefix_strength(code, (*config.select, *config.extend_select))
    ignored = _prefix_strength(code, (*config.ignore, *config.extend_ignore, *extra_ignores))
    return chosen >= 0 and chosen > ignored


@dataclass(frozen=True)
class RuleSet:
    """The instantiated, selected rules for one configuration: per-report rules and batch rules."""

    registry: Registry
    rules: tuple[Rule, ...]
    batch_rules: tuple[BatchRule, ...] = ()


def build_rule_set(config: Config) -> RuleSet:
    """Load plugins, validate the config against known rules, and instantiate the selected rules."""
    registry = registry_for(config)
    validate_codes(config, (rule.code for rule in registry.all_rules))
    validate_rule_names(config, (rule.name for rule in registry.all_rules))
    selected = tuple(rule for rule in registry.rules if is_selected(rule.code, config))
    selected_batch = tuple(rule for rule in registry.batch_rules if is_selected(rule.code, config))
    registry.manager.hook.reportlint_configure(config=config, rules=(*selected, *selected_batch))
    try:
        rules = tuple(rule_class(config.rule_options(rule_class.name)) for rule_class in selected)
        batch_rules = tuple(rule_class(config.rule_options(rule_class.name)) for rule_class in selected_batch)
    except RuleDefinitionError as error:
        raise ConfigError(str(error), config.path) from None
    return RuleSet(registry, rules, batch_rules)
