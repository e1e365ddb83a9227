"""Which rules run: ruff-style selection by code prefix, and the instantiated rules of a configuration."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlint.core.config import Config, ConfigError, validate_codes, validate_rule_names
from reportlint.core.diagnostics import Severity
from reportlint.core.rule import Rule, RuleDefinitionError
from reportlint.run.registry import Registry, registry_for


def _prefix_strength(code: str, selectors: Iterable[str], name: str | None = None) -> int:
    """Length of the longest selector matching ``code`` (``ALL`` counts 0, the rule's name as much as its code); -1 if none."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
        elif name is not None and selector == name:
            best = max(best, len(code))
    return best


def is_selected(code: str, config: Config, extra_ignores: Sequence[str] = (), name: str | None = None) -> bool:
    """ruff-style selection by code, prefix or rule name: the most specific matching selector decides."""
    chosen = _prefix_strength(code, (*config.select, *config.extend_select), name)
    ignored = _prefix_strength(code, (*config.ignore, *config.extend_ignore, *extra_ignores), name)
    return chosen >= 0 and chosen > ignored


def severity_override(config: Config, code: str, name: str) -> Severity | None:
    """The severity the config sets for a rule, by its code or its name."""
    override = config.severity.get(code)
    return override if override is not None else config.severity.get(name)


@dataclass(frozen=True)
class RuleSet:
    """The instantiated, selected rules for one configuration."""

    registry: Registry
    rules: tuple[Rule, ...]


def build_rule_set(config: Config) -> RuleSet:
    """Load plugins, validate the config against known rules, and instantiate the selected rules."""
    registry = registry_for(config)
    validate_codes(config, (rule.code for rule in registry.rules), (rule.name for rule in registry.rules))
    validate_rule_names(config, (rule.name for rule in registry.rules))
    selected = tuple(rule for rule in registry.rules if is_selected(rule.code, config, name=rule.name))
    registry.manager.hook.reportlint_configure(config=config, rules=selected)
    rules = []
    for rule_class in selected:
        try:
            rules.append(rule_class(config.rule_options(rule_class.name)))
        except RuleDefinitionError as error:
            raise ConfigError(str(error), config.path) from None
    return RuleSet(registry, tuple(rules))
