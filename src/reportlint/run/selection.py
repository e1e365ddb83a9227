"""Which rules run: ruff-style selection by code prefix, and the instantiated rules of a configuration."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from reportlint.core.batch import BatchRule
from reportlint.core.config import Config, ConfigError, validate_codes, validate_rule_names
from reportlint.core.diagnostics import Severity
from reportlint.core.rule import BaseRule, Rule, RuleDefinitionError
from reportlint.core.values import clip
from reportlint.rules.rl9_internal import InternalRule
from reportlint.run.registry import Registry, registry_for
from reportlint.run.results import PluginFailure


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
    """The instantiated, selected rules for one configuration (per-report rules and batch rules), and the plugins that failed while setting them up."""

    registry: Registry
    rules: tuple[Rule, ...]
    failures: tuple[PluginFailure, ...] = ()
    batch_rules: tuple[BatchRule, ...] = ()

    @cached_property
    def rules_run(self) -> tuple[Rule, ...]:
        """The rules run on each report: the selected ones but the RL9 rules the engine reports through (their ``check`` says nothing)."""
        return tuple(rule for rule in self.rules if type(rule).check is not InternalRule.check)

    @cached_property
    def codes(self) -> frozenset[str]:
        """The codes of the selected per-report rules (those a suppression comment can name as having run)."""
        return frozenset(rule.code for rule in self.rules)


def build_rule_set(config: Config) -> RuleSet:
    """Load plugins, validate the config against known rules and templates, and instantiate the selected rules.

    A plugin whose ``reportlint_configure`` or rule constructor raises anything
    but :class:`ConfigError` is a :class:`PluginFailure` naming it (the rule is
    left out, the run goes on); a ``ConfigError`` stops the run, naming the plugin.
    """
    registry = registry_for(config)
    validate_codes(config, (rule.code for rule in registry.all_rules), (rule.name for rule in registry.all_rules))
    validate_rule_names(config, (rule.name for rule in registry.all_rules))
    registry.template_set  # noqa: B018 (loads and validates the templates before any file: a bad one is a config error)
    selected = tuple(rule for rule in registry.rules if is_selected(rule.code, config, name=rule.name))
    selected_batch = tuple(rule for rule in registry.batch_rules if is_selected(rule.code, config, name=rule.name))
    failures = _configure(registry, config, (*selected, *selected_batch))
    rules = _instantiate(selected, config, failures)
    batch_rules = _instantiate(selected_batch, config, failures)
    return RuleSet(registry, tuple(rules), tuple(failures), tuple(batch_rules))


_AnyRule = TypeVar("_AnyRule", bound=BaseRule)


def _instantiate(selected: tuple[type[_AnyRule], ...], config: Config, failures: list[PluginFailure]) -> list[_AnyRule]:
    """Each selected rule with its options; a plugin's constructor bug leaves that rule out, named in ``failures``."""
    rules = []
    for rule_class in selected:
        try:
            rules.append(rule_class(config.rule_options(rule_class.name)))
        except RuleDefinitionError as error:
            raise ConfigError(str(error), config.path) from None
        except Exception as error:
            failures.append(
                PluginFailure(_plugin_of(rule_class), f"规则 {rule_class.code}（{rule_class.name}）无法创建，已跳过：{_error_text(error)}")
            )
    return rules


def _configure(registry: Registry, config: Config, selected: tuple[type[BaseRule], ...]) -> list[PluginFailure]:
    """Call every ``reportlint_configure`` one plugin at a time, so a failure names its plugin."""
    failures = []
    arguments = {"config": config, "rules": selected}
    for implementation in registry.manager.hook.reportlint_configure.get_hookimpls():
        plugin = implementation.plugin_name
        try:
            implementation.function(*(arguments[name] for name in implementation.argnames))
        except ConfigError as error:
            if plugin.startswith("reportlint."):
                raise
            raise ConfigError(f"插件 {plugin}：{error.message}", error.path or config.path, error.line) from None
        except Exception as error:
            failures.append(PluginFailure(plugin, f"钩子 reportlint_configure 出错：{_error_text(error)}"))
    return failures


def _plugin_of(rule: type[BaseRule]) -> str:
    origin = rule.origin
    return origin.split(":", 1)[1] if ":" in origin else origin


def _error_text(error: BaseException) -> str:
    return f"{type(error).__name__}: {clip(str(error), 200)}"
