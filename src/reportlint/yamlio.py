"""Safe YAML reading with line numbers, for template specs and rule packs.

Documents are read with ruamel.yaml's round-trip loader, which builds only
plain mappings, sequences and scalars (never Python objects) and remembers
where each key sits, so errors can name the file, the line and the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlint.config import ConfigError


class YamlError(ConfigError):
    """A YAML file users wrote is invalid: file, line and reason."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(reason, where)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file safely; syntax errors become :class:`YamlError` with their line."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise YamlError(path, None, "文件不存在") from None
    except (OSError, UnicodeDecodeError) as error:
        raise YamlError(path, None, f"无法读取（需为 UTF-8 编码）：{error}") from None
    try:
        return YAML(typ="rt", pure=True).load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlError(path, line, f"YAML 语法错误：{error.problem or error.context}") from None
    except YAMLError as error:
        raise YamlError(path, None, f"YAML 语法错误：{error}") from None


def line_of(node: Any, key: str | int | None = None) -> int | None:
    """1-based line of a mapping/sequence node, or of one of its keys/items."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if key is None:
            return lc.line + 1
        if isinstance(node, Mapping):
            return lc.key(key)[0] + 1
        return lc.item(key)[0] + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return lc.line + 1


def plain(node: Any) -> Any:
    """The node as plain dicts, lists and scalars (drops ruamel's comment metadata)."""
    if isinstance(node, Mapping):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(item) for item in node]
    if isinstance(node, str):
        return str(node)
    return node
