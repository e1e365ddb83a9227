"""No built-in regular expression backtracks catastrophically.

Every compiled pattern of the package (module and class attributes, the shipped
packs' rules, and the literal patterns passed to ``re`` functions or to
:func:`reportlint.usercache.patterns.compiled` inline) is
run over adversarial strings: long runs of each character it names (and of
pairs of them), with and without a character that makes the match fail at the
end. A pattern with nested or overlapping repetition takes exponential time on
such strings; a linear or quadratic one finishes at once at this length. Each
search runs under an alarm, so a runaway pattern fails the test instead of
hanging it.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
import signal
from pathlib import Path

import pytest
import regex

import reportlint
from reportlint.core.config import Config
from reportlint.run.selection import build_rule_set

#: Length of each adversarial string.
LENGTH = 1500
#: Seconds one search may take before it counts as runaway.
ALARM = 2
PACKAGE = Path(reportlint.__file__).parent
_REGEX_SYNTAX = set("\\^$.|?*+()[]{}-")
_CLASS_SAMPLES = {"d": "1", "s": " ", "w": "a", "D": "a", "S": "a", "W": " ", "n": "\n", "t": "\t", "b": "", "B": ""}
_GENERIC = "1a 公，、\n"


def _patterns() -> dict[str, object]:
    found: dict[str, object] = {}
    for module_info in pkgutil.walk_packages([str(PACKAGE)], prefix="reportlint."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            for item in _flatten(value):
                found.setdefault(f"{module_info.name}.{name}:{item.pattern[:40]}", item)
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attribute, member in vars(value).items():
                    for item in _flatten(member):
                        found.setdefault(f"{module_info.name}.{name}.{attribute}", item)
    for rule in build_rule_set(Config()).registry.rules:
        compiled = getattr(rule, "compiled", None)
        if compiled is not None:
            found[f"pack {rule.code}"] = compiled
        for entry in getattr(rule, "entries", ()):  # a confusable table: one pattern per entry
            found[f"pack {rule.code} {entry.wrong}"] = entry.pattern
    for path in sorted(PACKAGE.rglob("*.py")):
        for source, flags in _inline_literals(path):
            try:
                found.setdefault(f"{path.relative_to(PACKAGE)} inline:{source[:40]}", re.compile(source, flags))
            except re.error:
                continue
    return found


def _flatten(value: object) -> list:
    if isinstance(value, (re.Pattern, regex.Pattern)):
        return [value]
    if isinstance(value, (list, tuple, frozenset, set)):
        return [item for item in value if isinstance(item, (re.Pattern, regex.Pattern))]
    if isinstance(value, dict):
        return [item for item in (*value.keys(), *value.values()) if isinstance(item, (re.Pattern, regex.Pattern))]
    return []


def _inline_literals(path: Path) -> list[tuple[str, int]]:
    """Literal patterns passed to ``re.search("…")`` and friends or to ``compiled("…")`` (the user cache's compile)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    literals = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and (_is_re_function(node.func) or (isinstance(node.func, ast.Name) and node.func.id == "compiled"))
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            literals.append((node.args[0].value, 0))
    return literals


def _is_re_function(function: ast.expr) -> bool:
    return (
        isinstance(function, ast.Attribute)
        and isinstance(function.value, ast.Name)
        and function.value.id in ("re", "regex")
        and function.attr in ("compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
    )


def _characters(source: str) -> list[str]:
    """The characters a pattern names: its literal characters and a sample of each class escape."""
    characters: list[str] = []
    position = 0
    while position < len(source):
        char = source[position]
        if char == "\\" and position + 1 < len(source):
            following = source[position + 1]
            characters.append(_CLASS_SAMPLES.get(following, following if following not in "pPux" else "公"))
            position += 2
            continue
        if char not in _REGEX_SYNTAX:
            characters.append(char)
        position += 1
    return [char for char in dict.fromkeys(characters) if char]


def _adversarial(source: str) -> list[str]:
    characters = _characters(source)
    named = characters[:40]
    strings = []
    for char in [*named, *_GENERIC]:
        strings.append(char * LENGTH)
        strings.append(char * LENGTH + "\x00")
    for first, second in itertools.pairwise(named):
        strings.append((first + second) * (LENGTH // 2) + "\x00")
    for prefix in ("1", "一"):  # a number, then a long run of blanks: optional blanks one after another run away
        for blank in (" ", "\u3000", "\t"):
            strings.append(prefix + blank * LENGTH + "\x00")
    if named:
        literal = "".join(named)
        strings.append((literal * (LENGTH // len(literal) + 1))[:LENGTH] + "\x00")
    return strings


class _Runaway(Exception):
    pass


def _alarm(signum, frame):
    raise _Runaway


PATTERNS = _patterns()


def test_the_audit_finds_the_packages_patterns():
    # the audit sees module patterns, class attributes, pack rules and inline literals alike
    names = "\n".join(PATTERNS)
    assert len(PATTERNS) > 150
    assert "reportlint.rules.rl6_hygiene" in names and "pack RL6" in names and "inline:" in names


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_builtin_pattern_backtracks_catastrophically(name):
    pattern = PATTERNS[name]
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("utf-8", "replace")
        for text in _adversarial(source):
            if isinstance(pattern.pattern, bytes):
                text = text.encode("utf-8")
            signal.alarm(ALARM)
            try:
                for _ in pattern.finditer(text):
                    pass
            except _Runaway:
                pytest.fail(f"{name}: {pattern.pattern!r} ran over {ALARM} s on {text[:20]!r}… ({len(text)} characters)")
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_the_old_rl109_pattern_is_caught():
    # the pattern RL109 used before: the audit's strings make it run away
    old = re.compile(r"[^。；]*?(?:[^、。]{1,12}、){2,}[^、。]{1,12}等[^。]*")
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(ALARM)
    try:
        with pytest.raises(_Runaway):
            for text in _adversarial(old.pattern):
                for _ in old.finditer(text):
                    pass
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
