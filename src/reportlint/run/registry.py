"""The plugin host: built-ins, entry points and local plugins behind one pluggy manager.

reportlint's own rules, loaders and reporters register through the same hooks
as third-party plugins. Each entry point is loaded on its own: a plugin that
fails to import, or whose hook raises, is recorded as a :class:`PluginFailure`
naming it, and every other plugin still works. Set
``REPORTLINT_DISABLE_PLUGIN_AUTOLOAD=1`` to skip entry-point discovery.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import FunctionType, MethodType, ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

from reportlint.core import hookspecs
from reportlint.core.batch import BatchRule
from reportlint.core.config import Config, ConfigError
from reportlint.core.model import Document
from reportlint.core.report import Report
from reportlint.core.rule import BaseRule, Rule, RuleDefinitionError
from reportlint.core.values import clip, shown
from reportlint.run.installed import installed_plugins
from reportlint.run.results import PluginFailure
from reportlint.run.services import SERVICES, ReportServices
from reportlint.version import __version__

if TYPE_CHECKING:
    from reportlint.loaders import Loader
    from reportlint.output import Reporter
    from reportlint.rules.packs import Pack
    from reportlint.template.spec import TemplateSet

ENTRY_POINT_GROUP = "reportlint"
DISABLE_AUTOLOAD_ENV = "REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"

#: Modules that implement reportlint's built-in hooks, registered first.
BUILTIN_PLUGINS = (
    "reportlint.loaders.builtin",
    "reportlint.output.builtin",
    "reportlint.template",
    "reportlint.rules.packs",
    "reportlint.rules.rl9_internal",
    "reportlint.rules.rl1_structure",
    "reportlint.rules.rl1_content",
    "reportlint.rules.rl1_title",
    "reportlint.rules.rl2_tables",
    "reportlint.rules.rl3_relations",
    "reportlint.rules.rl6_hygiene",
    "reportlint.rules.rl6_extraction",
    "reportlint.rules.rl6_wording",
    "reportlint.rules.rl5_dates",
    "reportlint.rules.rl3_narrative",
    "reportlint.rules.rl4_places",
    "reportlint.rules.rl7_years",
    "reportlint.rules.rl7_copies",
)


@dataclass(frozen=True)
class PluginInfo:
    """A loaded plugin: its name, where it came from and its version."""

    name: str
    origin: str  # "builtin", "entry-point" or "local"
    version: str = ""
    module: str = ""


@dataclass(frozen=True)
class Registry:
    """Everything the plugins of a run provide, collected once per process."""

    rules: tuple[type[Rule], ...]
    loaders: tuple[type[Loader], ...]
    reporters: tuple[type[Reporter], ...]
    rule_packs: tuple[Path, ...]
    templates: tuple[Path, ...]
    plugins: tuple[PluginInfo, ...]
    failures: tuple[PluginFailure, ...]
    manager: pluggy.PluginManager
    warnings: tuple[str, ...] = ()
    batch_rules: tuple[type[BatchRule], ...] = ()

    @property
    def all_rules(self) -> tuple[type[BaseRule], ...]:
        """Every rule: those that check one report, then the cross-document (batch) rules."""
        return (*self.rules, *self.batch_rules)

    @cached_property
    def template_set(self) -> TemplateSet:
        """The template specs of this registry (shipped, from plugins and config), loaded once.

        Raises :class:`ConfigError` when a relation names a rule code no rule has.
        """
        from reportlint.template.spec import load_templates

        templates = load_templates(self.templates)
        codes = {rule.code for rule in self.rules}
        variants = [templates, *(templates.with_extensions((index,)) for index in range(len(templates.scoped)))]
        for template in (template for variant in variants for template in variant):
            for relation in template.relations:
                if relation.code is not None and relation.code not in codes:
                    raise ConfigError(f"模板 {template.id} 的勾稽关系 {relation.id} 指定的规则 {relation.code} 不存在", relation.origin)
        return templates

    def report(self, document: Document, config: Config, path: Path, services: ReportServices = SERVICES) -> Report:
        """The :class:`Report` rules see for a document read with this registry's templates."""
        return Report(document=document, config=config, path=path, templates=self.template_set, services=services)

    def rule_by_code(self, code: str) -> type[Rule] | None:
        """The rule class with this code, if any."""
        return next((rule for rule in self.rules if rule.code == code), None)

    def any_rule_by_code(self, code: str) -> type[BaseRule] | None:
        """The rule or batch rule with this code, if any."""
        return next((rule for rule in self.all_rules if rule.code == code), None)

    def reporter(self, name: str) -> type[Reporter] | None:
        """The reporter class registered under ``name``."""
        return next((reporter for reporter in self.reporters if reporter.name == name), None)


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, passing quickly over the values of a module plugin that cannot be hook implementations.

    pluggy looks at every name of a plugin through ``inspect.getattr_static``;
    for the 18 built-in modules (about 850 names: imports, constants, classes)
    that was 5–6 ms of every start. In a module, only a function or a bound
    method can implement a hook, and only one carrying pluggy's marker; every
    other value is passed over here with the answer pluggy would give.
    """

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if isinstance(plugin, ModuleType):
            value = vars(plugin).get(name)
            if isinstance(value, FunctionType) and self.project_name + "_impl" not in vars(value):
                return None
            if not isinstance(value, (FunctionType, MethodType)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def _new_manager() -> pluggy.PluginManager:
    manager = _PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    return manager


def _load_local_plugin(path: Path) -> ModuleType:
    """Import an unpackaged ``.py`` plugin file named in ``local-plugins``.

    The module is compiled from the file's current bytes, never from a
    ``__pycache__`` entry, and nothing is written beside the user's file: a
    plugin edited within the same second keeps its size and modification time,
    so its old bytecode would otherwise run under the result-cache key of the
    new source.
    """
    module_name = "reportlint_local_" + re.sub(r"\W", "_", path.stem)
    code = compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
    module = ModuleType(module_name)
    module.__file__ = str(path)
    sys.modules[module_name] = module  # dataclasses and pickling look the module up by name
    exec(code, module.__dict__)
    return module


def _register_plugins(manager: pluggy.PluginManager, config: Config) -> tuple[list[PluginInfo], list[PluginFailure]]:
    infos: list[PluginInfo] = []
    failures: list[PluginFailure] = []
    for module_name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(module_name), name=module_name)
        infos.append(PluginInfo(module_name, "builtin", __version__, module_name))
    if not os.environ.get(DISABLE_AUTOLOAD_ENV):
        for entry_point in sorted(installed_plugins(ENTRY_POINT_GROUP), key=lambda point: point.name):
            if config.plugins.get(entry_point.name) is False or manager.has_plugin(entry_point.name):
                continue
            try:
                plugin = entry_point.load()
                manager.register(plugin, name=entry_point.name)
            except (Exception, SystemExit) as error:  # a broken plugin must not stop the others
                failures.append(PluginFailure(entry_point.name, f"插件加载失败：{_error_text(error)}"))
                continue
            infos.append(PluginInfo(entry_point.name, "entry-point", entry_point.version, entry_point.value))
    for path in config.local_plugins:
        name = f"local:{path.name}"
        if config.plugins.get(path.stem) is False:
            continue
        try:
            manager.register(_load_local_plugin(path), name=name)
        except (Exception, SystemExit) as error:
            failures.append(PluginFailure(name, f"本地插件加载失败：{_error_text(error)}"))
            continue
        infos.append(PluginInfo(name, "local", "", str(path)))
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        raise ConfigError(f"插件 {error.plugin} 实现了不存在的钩子：{error}") from None
    return infos, failures


def _collect(manager: pluggy.PluginManager, hook_name: str, failures: list[PluginFailure], kind: Any = None) -> list[tuple[str, Any]]:
    """Call one hook implementation at a time, so a failing plugin is named and skipped.

    Each must return a list (or tuple); with ``kind`` (a class, or a tuple of
    types), every item must be a subclass or instance of it: anything else is
    a failure naming the plugin, and the plugin's other items still count.
    """
    results: list[tuple[str, Any]] = []
    hook_caller = getattr(manager.hook, hook_name)
    for implementation in hook_caller.get_hookimpls():
        plugin = implementation.plugin_name
        try:
            values = implementation.function()
        except Exception as error:
            failures.append(PluginFailure(plugin, f"钩子 {hook_name} 出错：{_error_text(error)}"))
            continue
        if values is None:
            continue
        if not isinstance(values, (list, tuple)):
            failures.append(PluginFailure(plugin, f"钩子 {hook_name} 返回了 {type(values).__name__}，应返回列表"))
            continue
        for value in values:
            if kind is not None and not _is_kind(value, kind):
                failures.append(PluginFailure(plugin, f"钩子 {hook_name} 返回了不能用的项：{shown(value)}"))
                continue
            results.append((plugin, value))
    return results


def _is_kind(value: Any, kind: Any) -> bool:
    if isinstance(kind, tuple):
        return isinstance(value, kind)
    if not isinstance(kind, type):
        return bool(kind(value))
    return isinstance(value, type) and issubclass(value, kind)


def _is_reporter(value: Any) -> bool:
    """A reporter class: a ``name`` and a ``render`` (the output layer's base class is not imported here)."""
    return isinstance(value, type) and isinstance(getattr(value, "name", None), str) and callable(getattr(value, "render", None))


def _error_text(error: BaseException) -> str:
    try:
        detail = clip(str(error), 200)
    except Exception:
        detail = ""
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _origin(plugin_name: str) -> str:
    return "builtin" if plugin_name.startswith("reportlint.") else f"plugin:{plugin_name}"


def _code_prefix(code: str) -> str:
    letters = re.match(r"[A-Za-z]+", code)
    return letters.group(0) if letters else code


def _check_rules(rules: Sequence[type[BaseRule]]) -> None:
    """Unique codes and names; one plugin per code prefix; ``RL`` reserved for built-ins."""
    by_code: dict[str, type[BaseRule]] = {}
    by_name: dict[str, type[BaseRule]] = {}
    owner_of_prefix: dict[str, str] = {}
    for rule in rules:
        try:
            rule.validate_definition()
        except RuleDefinitionError as error:
            raise ConfigError(str(error)) from None
        if rule.code in by_code:
            raise ConfigError(f"规则代码冲突：{rule.code} 同时由 {by_code[rule.code].origin} 和 {rule.origin} 定义")
        if rule.name in by_name:
            raise ConfigError(f"规则名称冲突：{rule.name} 同时由 {by_name[rule.name].origin} 和 {rule.origin} 定义")
        prefix = _code_prefix(rule.code)
        owner = rule.origin.split(":", 1)[-1] if rule.origin.startswith("plugin:") else rule.origin
        if prefix == "RL" and rule.origin.startswith("plugin:"):  # packs are checked when loaded
            raise ConfigError(f"规则 {rule.code}（来自 {rule.origin}）使用了内置规则保留的前缀 RL，请改用自己的前缀")
        if rule.origin.startswith("plugin:") and owner_of_prefix.setdefault(prefix, owner) != owner:
            raise ConfigError(f"规则代码前缀冲突：前缀 {prefix} 同时被插件 {owner_of_prefix[prefix]} 和 {owner} 使用")
        by_code[rule.code] = rule
        by_name[rule.name] = rule


_AnyRule = TypeVar("_AnyRule", bound=BaseRule)


def _with_origin(rule: type[_AnyRule], origin: str) -> type[_AnyRule]:
    """Record where a rule came from, without touching the plugin's own class."""
    if rule.origin == origin:
        return rule
    return type(rule.__name__, (rule,), {"origin": origin, "__doc__": rule.__doc__, "__module__": rule.__module__})


def build_registry(config: Config) -> Registry:
    """Load every plugin for this configuration and collect what they provide."""
    manager = _new_manager()
    infos, failures = _register_plugins(manager, config)
    from reportlint.loaders import Loader

    rules: list[type[Rule]] = []
    for plugin_name, rule in _collect(manager, "reportlint_rules", failures):
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            hint = "（跨文档规则请用 reportlint_batch_rules 注册）" if isinstance(rule, type) and issubclass(rule, BatchRule) else ""
            failures.append(PluginFailure(plugin_name, f"reportlint_rules 返回了不是 Rule 子类的对象：{shown(rule)}{hint}"))
            continue
        rules.append(_with_origin(rule, _origin(plugin_name)))
    batch_rules: list[type[BatchRule]] = []
    for plugin_name, rule in _collect(manager, "reportlint_batch_rules", failures):
        if not (isinstance(rule, type) and issubclass(rule, BatchRule)):
            failures.append(PluginFailure(plugin_name, f"reportlint_batch_rules 返回了不是 BatchRule 子类的对象：{shown(rule)}"))
            continue
        batch_rules.append(_with_origin(rule, _origin(plugin_name)))
    loaders = [loader for _, loader in _collect(manager, "reportlint_loaders", failures, Loader)]
    reporters = [reporter for _, reporter in _collect(manager, "reportlint_reporters", failures, _is_reporter)]
    packs = [Path(path) for _, path in _collect(manager, "reportlint_rule_packs", failures, (str, os.PathLike))]
    templates = [Path(path) for _, path in _collect(manager, "reportlint_templates", failures, (str, os.PathLike))]
    for required in config.require_plugins:
        if not any(info.name == required for info in infos):
            raise ConfigError(f"配置要求的插件 “{required}” 没有安装或没有加载（require-plugins）", config.path)
    loaded_packs = _load_packs([*packs, *config.rule_packs])
    for pack in loaded_packs:
        rules.extend(pack.rules)
    _check_rules([*rules, *batch_rules])
    return Registry(
        rules=tuple(rules),
        loaders=tuple(loaders),
        reporters=tuple(reporters),
        rule_packs=(*packs, *config.rule_packs),
        templates=(*templates, *config.templates),
        plugins=tuple(infos),
        failures=tuple(failures),
        manager=manager,
        warnings=tuple(warning for pack in loaded_packs for warning in pack.warnings),
        batch_rules=tuple(batch_rules),
    )


def _load_packs(paths: Sequence[Path]) -> list[Pack]:
    """Every YAML rule pack, validated (a bad pack is a config error naming file and line)."""
    if not paths:
        return []
    from reportlint.rules.packs import load_pack

    return [load_pack(path) for path in paths]


_REGISTRIES: dict[tuple, Registry] = {}


def registry_for(config: Config) -> Registry:
    """The registry for a config, built once per process per distinct plugin setup."""
    key = (
        tuple(sorted(config.plugins.items())),
        config.local_plugins,
        config.rule_packs,
        config.templates,
        config.require_plugins,
        os.environ.get(DISABLE_AUTOLOAD_ENV, ""),
    )
    if key not in _REGISTRIES:
        _REGISTRIES[key] = build_registry(config)
    return _REGISTRIES[key]
