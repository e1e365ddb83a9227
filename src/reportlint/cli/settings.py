"""``reportlint check --show-settings FILE``: the configuration that applies to one file, as reportlint resolved it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportlint.run.runner import Runner
from reportlint.run.selection import is_selected


def _toml(value: Any) -> str:
    if isinstance(value, Path):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict) or hasattr(value, "items"):
        return "{" + ", ".join(f"{json.dumps(str(key), ensure_ascii=False)} = {_toml(item)}" for key, item in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)


def render_settings(runner: Runner, target: str) -> str:
    """The effective settings for ``target`` (a file, or a directory's first file), in TOML-like lines."""
    path = Path(runner.options.stdin_filename) if target == "-" and runner.options.stdin_filename else Path(target)
    config = runner.linter.resolver.config_for(path)
    rule_set = runner.linter.rule_set(config)
    registry = rule_set.registry
    per_file = config.ignored_for(path)
    lines = [
        f"# reportlint 对 {target} 生效的配置",
        f"# 配置文件：{config.path if config.path else '无（默认设置）'}",
        f"# 根目录：{config.root}",
        f"select = {_toml(config.select)}",
        f"ignore = {_toml(config.ignore)}",
        f"extend-select = {_toml(config.extend_select)}",
        f"extend-ignore = {_toml(config.extend_ignore)}",
        f"fail-on = {_toml(config.fail_on.label)}",
        f"jobs = {_toml(config.jobs)}" if config.jobs is not None else "# jobs：默认为 CPU 核数",
        f"exclude = {_toml(config.exclude)}",
        f"rule-packs = {_toml(config.rule_packs)}",
        f"templates = {_toml(config.templates)}",
        f"local-plugins = {_toml(config.local_plugins)}",
        f"require-plugins = {_toml(config.require_plugins)}",
        f"# 本文件被 exclude 排除：{'是' if config.is_excluded(path) else '否'}",
        f"# 本文件的 per-file-ignores：{_toml(per_file)}",
        f"# 本文件的主体（subject）：{config.subject_for(path) or '未指定（从报告中识别）'}",
    ]
    if config.severity:
        lines.append("")
        lines.append("[severity]")
        lines.extend(f"{code} = {_toml(level.label)}" for code, level in config.severity.items())
    for name, options in config.rules.items():
        lines.append("")
        lines.append(f"[rules.{name}]")
        lines.extend(f"{key} = {_toml(value)}" for key, value in options.items())
    if config.plugins:
        lines.append("")
        lines.append("[plugins]")
        lines.extend(f"{name} = {_toml(enabled)}" for name, enabled in config.plugins.items())
    selected = [rule for rule in registry.rules if is_selected(rule.code, config, per_file, rule.name)]
    lines.append("")
    lines.append(f"# 对本文件启用的规则（{len(selected)} 条）：")
    for start in range(0, len(selected), 10):
        lines.append("#   " + " ".join(rule.code for rule in sorted(selected, key=lambda rule: rule.code)[start : start + 10]))
    plugins = [info.name for info in registry.plugins if info.origin != "builtin"]
    lines.append(f"# 第三方插件：{'、'.join(plugins) if plugins else '无'}")
    return "\n".join(lines) + "\n"
