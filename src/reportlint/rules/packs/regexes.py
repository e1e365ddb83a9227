"""Checking a pack's regular expressions before they run: syntax, runaway repetition, nesting and recursion.

Pack regexes run with the ``regex`` module (``\\p{Han}``, possessive and atomic
groups, a per-call timeout), so its compiler is the judge of syntax (reportlint's
own packs, checked here by its tests, may run with ``re``: see ``PackPattern``). On top of
that the pattern's structure is scanned here, for the shapes that make a
backtracking engine run for minutes on a few kilobytes of text: a repetition of
something that itself repeats without bound (``(a+)+``, ``(\\s*\\S*)*``), groups
nested too deeply and recursive patterns. The per-call timeout stays the last
line of defence for what no scan can see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.text.chars import HAN
from reportlint.usercache.patterns import compiled

#: Groups nested deeper than this are refused (deep nesting makes the compiler itself recurse).
MAX_GROUP_DEPTH = 30
#: A bounded repetition with a larger maximum counts as unbounded (``{1,1000}``).
MAX_BOUNDED_REPEAT = 50

_QUANTIFIER = compiled(r"[*+?]|\{(\d*)(?:(,)(\d*))?\}")
_RECURSION = compiled(r"\(\?(?:R|[+-]?\d+|&\w+|P>\w+)\)")
_WORD_BOUNDARY_BY_HAN = compiled(rf"\\b(?=[{HAN}])|(?<=[{HAN}])\\b")


class RegexProblem(Exception):
    """Why a pack regex is refused (a clause that follows the quoted pattern in the message)."""


@dataclass
class _Group:
    """A group being scanned: whether something inside it repeats without bound, and whether it is atomic ``(?>…)``."""

    repeats: bool = False
    atomic: bool = False


def check_regex(source: str) -> str | None:
    """Refuse a pattern that is invalid or could run away; return a warning for a pattern that can hardly match.

    Raises :class:`RegexProblem` with the reason.
    """
    import regex

    try:
        regex.compile(source)
    except regex.error as error:
        raise RegexProblem(f"有语法错误：{error}") from None
    except RecursionError:
        raise RegexProblem(f"嵌套太深（超过 {MAX_GROUP_DEPTH} 层）") from None
    if _RECURSION.search(source):
        raise RegexProblem("使用了递归（如 (?R)），可能运行极慢，请改写")
    _scan(source)
    if _WORD_BOUNDARY_BY_HAN.search(source):
        return "在汉字旁使用了 \\b，汉字之间没有单词边界，这个模式几乎不会匹配"
    return None


def _scan(source: str) -> None:
    """Walk the pattern's atoms and groups; raise on nested unbounded repetition or deep nesting."""
    stack = [_Group()]
    position = 0
    length = len(source)
    while position < length:
        char = source[position]
        atom_repeats = False
        if char == "\\":
            position = _after_escape(source, position)
        elif char == "[":
            position = _after_class(source, position)
        elif char == "(":
            if source.startswith("(?#", position):
                position = source.find(")", position) + 1 or length
                continue
            stack.append(_Group(atomic=source.startswith("(?>", position)))
            if len(stack) - 1 > MAX_GROUP_DEPTH:
                raise RegexProblem(f"嵌套太深（超过 {MAX_GROUP_DEPTH} 层）")
            position += 1
            continue
        elif char == ")":
            if len(stack) > 1:
                group = stack.pop()
                atom_repeats = group.repeats and not group.atomic
            position += 1
        elif char == "|":
            position += 1
            continue
        else:
            position += 1
        quantifier = _QUANTIFIER.match(source, position)
        unbounded = False
        if quantifier is not None:
            unbounded = _is_unbounded(quantifier)
            position = quantifier.end()
            if position < length and source[position] == "+":  # possessive: gives nothing back
                unbounded = atom_repeats = False
                position += 1
            elif position < length and source[position] == "?":
                position += 1
        if atom_repeats and unbounded:
            raise RegexProblem("有嵌套的重复（如 (a+)+），可能导致灾难性回溯，请改写")
        if atom_repeats or unbounded:
            stack[-1].repeats = True


def _is_unbounded(quantifier: re.Match[str]) -> bool:
    text = quantifier.group(0)
    if text in ("*", "+"):
        return True
    if text == "?":
        return False
    _, comma, high = quantifier.groups()
    if not comma:
        return False
    return not high or int(high) > MAX_BOUNDED_REPEAT


def _after_escape(source: str, position: int) -> int:
    """The index after the escape starting at ``position`` (``\\d``, ``\\p{Han}``, ``\\x41`` …)."""
    following = source[position + 1 : position + 2]
    if following in ("p", "P", "N", "L", "g", "k") and source[position + 2 : position + 3] in ("{", "<"):
        closer = "}" if source[position + 2] == "{" else ">"
        end = source.find(closer, position + 3)
        return len(source) if end < 0 else end + 1
    return position + 2


def _after_class(source: str, position: int) -> int:
    """The index after the character class starting at ``position`` (nested sets and escapes allowed)."""
    depth = 0
    index = position
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
            index += 1
            if source[index : index + 1] == "^":
                index += 1
            if source[index : index + 1] == "]":
                index += 1
            continue
        if char == "]":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(source)
