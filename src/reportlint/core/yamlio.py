"""Safe YAML reading with line numbers, for template specs and rule packs.

Documents are read with ruamel.yaml's round-trip loader, which builds only
plain mappings, sequences and scalars (never Python objects) and remembers
where each key sits, so errors can name the file, the line and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from reportlint.core.config import ConfigError
from reportlint.core.values import clip

T = TypeVar("T")

#: The most nodes a YAML file may expand to (aliases counted each time they are used): past it, an alias bomb.
MAX_NODES = 200_000
#: The most characters of text a YAML file may expand to.
MAX_CHARACTERS = 20_000_000


class YamlError(ConfigError):
    """A YAML file users wrote is invalid: file, line and reason."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        super().__init__(reason, path, line)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise YamlError(path, None, "文件不存在") from None
    except OSError as error:
        raise YamlError(path, None, f"无法读取（需为 UTF-8 编码）：{error}") from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlError(path, None, f"无法读取（需为 UTF-8 编码）：{error}") from None


def _parse(path: Path, text: str, with_lines: bool) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        # "safe" builds plain data with the C parser when available; "rt" also records lines.
        document = YAML(typ="rt" if with_lines else "safe").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlError(path, line, f"YAML 语法错误：{error.problem or error.context}") from None
    except YAMLError as error:
        raise YamlError(path, None, f"YAML 语法错误：{error}") from None
    except RecursionError:
        raise YamlError(path, None, "YAML 嵌套层数太多，无法读取") from None
    except (ValueError, OverflowError) as error:  # e.g. an integer of thousands of digits
        raise YamlError(path, None, f"YAML 中有无法读取的值：{clip(str(error), 100)}") from None
    _check_size(path, document)
    return document


def _check_size(path: Path, document: Any) -> None:
    """Refuse a document that expands past :data:`MAX_NODES` nodes or :data:`MAX_CHARACTERS` characters.

    Aliases are counted every time they are used, as any code walking the
    document would meet them: a "billion laughs" file is refused here, before
    anything (an error message quoting a value, say) expands it. A recursive
    alias is refused the same way.
    """
    nodes = characters = 0
    stack = [document]
    while stack:
        node = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise YamlError(path, None, f"YAML 文件展开后超过 {MAX_NODES} 个节点（可能是别名炸弹或递归别名），拒绝读取")
        if isinstance(node, str):
            characters += len(node)
            if characters > MAX_CHARACTERS:
                raise YamlError(path, None, f"YAML 文件展开后超过 {MAX_CHARACTERS} 个字符，拒绝读取")
        elif isinstance(node, Mapping):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)


def read_yaml(path: Path, with_lines: bool = True) -> Any:
    """Parse a YAML file safely; syntax errors become :class:`YamlError` with their line.

    ``with_lines=False`` parses several times faster but the result has no line
    numbers; :func:`load_with_lines` uses it for the common, valid case, and its
    result is kept in the user cache (:mod:`reportlint.usercache`) keyed by
    the file's bytes, so an unchanged file is not parsed again by the next run.
    """
    data = _read_bytes(path)
    if with_lines:
        return _parse(path, _decode(path, data), with_lines)
    from reportlint.usercache import cached

    return cached("yaml-safe", data, lambda: _parse(path, _decode(path, data), with_lines))


def load_with_lines(paths: Sequence[Path], build: Callable[[list[tuple[Path, Any]]], T]) -> T:
    """``build`` the parsed documents; when it rejects them, parse again with line numbers.

    Valid files (the shipped specs and packs, every run) take the fast parser;
    only a file with a mistake pays for the slower one, so its error names a line.
    """
    try:
        return build([(path, read_yaml(path, with_lines=False)) for path in paths])
    except YamlError as error:
        if error.line is not None:
            raise
    return build([(path, read_yaml(path)) for path in paths])


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
