"""The wording rules on generated reports: silent on clean ones, and one inserted slip gives exactly one finding, of its code, at its place."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.run.linter import lint_text
from reportlint.testing.reports import LAYOUTS, SUBJECTS, SampleReport, render, render_html
from reportlint.text.chars import is_han
from reportlint.text.self_references import find_bare_self_references

WORDING_CODES = ["RL610", "RL611", "RL612", "RL613", "RL614", "RL615", "RL616", "RL617", "RL620", "RL624", "RL627"]
CONFIG = {"select": WORDING_CODES}
YEARS = {"T2019": 2020, "T2021": 2022}
#: The file each layout is read as (the Markdown layout's ``##`` headings are Markdown).
FILENAMES = {layout: "report.md" if layout == "markdown" else "report.txt" for layout in LAYOUTS}


@dataclass(frozen=True)
class Slip:
    """A slip inserted into a rendered report: the new text, the code it must raise, and where ([start, end) of the new text)."""

    text: str
    code: str
    start: int
    end: int


def _prose_positions(text: str, predicate: Callable[[int], bool]) -> list[int]:
    """Offsets in the prose of section 一 (between its heading and section 二) where ``predicate`` holds."""
    start = text.index("一、总体情况")
    start = text.index("\n", start)
    end = text.index("二、主动公开政府信息情况")
    return [index for index in range(start, end) if predicate(index)]


def doubled_character(text: str, pick: int) -> Slip:
    """``的`` written twice, away from words that end or start with 的 (目的、的确)."""
    positions = _prose_positions(
        text, lambda i: text[i] == "的" and text[i - 1] not in "目标端的" and text[i + 1] not in "确的" and is_han(text[i - 1])
    )
    position = positions[pick % len(positions)]
    return Slip(text[:position] + "的" + text[position:], "RL611", position, position + 2)


def broken_numbering(text: str, pick: int) -> Slip:
    """One list marker of section 一 or 五 renumbered: skipped, repeated or misnumbered."""
    choice = pick % 3
    if choice == 0:  # （三）政府信息管理 → （四）: 一 二 四 四 五, the first （四） is wrong
        position = text.index("（三）政府信息管理")
        return Slip(text[:position] + "（四）" + text[position + 3 :], "RL612", position, position + 3)
    problems = text.index("一是", text.index("五、"))
    second = text.index("二是", problems)
    third = text.index("三是", second)
    if choice == 1:  # 一是 二是 四是: skipped
        return Slip(text[:third] + "四是" + text[third + 2 :], "RL612", third, third + 2)
    return Slip(text[:third] + "二是" + text[third + 2 :], "RL612", third, third + 2)  # 一是 二是 二是: repeated


def wrong_decree(text: str, pick: int) -> Slip:
    """The regulation cited with a wrong decree number."""
    anchor = "《中华人民共和国政府信息公开条例》（"
    position = text.index(anchor) + len(anchor)
    decree = f"国务院令第{(771, 717, 117)[pick % 3]}号，"
    return Slip(text[:position] + decree + text[position:], "RL613", position, position + len(decree) - 1)


def bare_self_reference(text: str, pick: int, subject) -> Slip:
    """The body's noun dropped from one ``我镇``/``我局`` before a predicate (``我镇坚持`` → ``我坚持``)."""
    noun = subject.self_reference[1:]
    positions = [
        match.start()
        for match in re.finditer(re.escape(subject.self_reference), text)
        if find_bare_self_references("我" + text[match.end() : match.end() + 4])
    ]
    position = positions[pick % len(positions)]
    mutated = text[: position + 1] + text[position + 1 + len(noun) :]
    [bare] = [reference for reference in find_bare_self_references(mutated) if reference.position == position]
    return Slip(mutated, "RL614", position, position + 1 + len(bare.predicate))


def higher_scope(text: str, pick: int) -> Slip:
    """A clause copied from a provincial report appended to a sentence of section 一."""
    positions = _prose_positions(text, lambda i: text[i] == "。" and text[i + 1] == "\n")
    position = positions[pick % len(positions)]
    clause = "，组织推动全省政府信息公开工作"
    start = position + clause.index("全省")
    return Slip(text[:position] + clause + text[position:], "RL615", start, start + 2)


def stray_symbol(text: str, pick: int) -> Slip:
    """A lone ``>`` or a pinyin syllable between two Han characters of section 一 (not in quotes or titles)."""
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|《[^》]*》", text)]
    positions = _prose_positions(
        text, lambda i: is_han(text[i - 1]) and is_han(text[i]) and not any(left <= i < right for left, right in quoted)
    )
    position = positions[pick % len(positions)]
    inserted = (">", "|", "gōng", "＞")[pick % 4]
    return Slip(text[:position] + inserted + text[position:], "RL616", position, position + len(inserted))


def missing_unit(text: str, pick: int) -> Slip:
    """The 条 of a count of published items dropped, or the 年 of the year that opens section 一."""
    if pick % 2:
        match = re.search(r"(?:发布|公开|推送)[^，。]{0,12}?信息(\d+)条(?=，)", text)
        assert match is not None
        return Slip(text[: match.end(1)] + text[match.end(1) + 1 :], "RL617", match.start(1), match.end(1))
    match = re.search(r"(?<=\n)(\d{4})年，", text[text.index("一、总体情况") :])
    assert match is not None
    start = text.index("一、总体情况") + match.start(1)
    return Slip(text[: start + 4] + text[start + 6 :], "RL617", start, start + 4)


def _confusable_entries():
    from reportlint.core.resources import shipped_rules_dir
    from reportlint.rules.packs import load_pack
    from reportlint.rules.packs.confusable import ConfusableRule

    pack = load_pack(shipped_rules_dir() / "wording.yaml")
    return [(rule.code, entry) for rule in pack.rules if issubclass(rule, ConfusableRule) for entry in rule.entries]


CONFUSABLES = _confusable_entries()


def confusable_word(text: str, pick: int) -> Slip:
    """A sentence with a confused word (an entry's bad example of RL620/RL624/RL627) after a sentence of section 一."""
    code, entry = CONFUSABLES[pick % len(CONFUSABLES)]
    positions = _prose_positions(text, lambda i: text[i] == "。" and text[i + 1] == "\n")
    position = positions[pick % len(positions)] + 1
    sentence = entry.bad[0]
    start = position + sentence.index(entry.wrong)
    return Slip(text[:position] + sentence + text[position:], code, start, start + len(entry.wrong))


def mirror_spam(text: str, pick: int) -> Slip:
    """One 政府信息公开 of section 一 replaced by a gambling site's words, as mirror sites do."""
    positions = _prose_positions(text, lambda i: text.startswith("政府信息公开", i))
    position = positions[pick % len(positions)]
    return Slip(text[:position] + "飞禽走兽" + text[position + 6 :], "RL610", position, position + 4)


SLIPS = {
    "confusable-word": confusable_word,
    "mirror-spam": mirror_spam,
    "doubled-character": doubled_character,
    "broken-numbering": broken_numbering,
    "wrong-decree": wrong_decree,
    "bare-self-reference": bare_self_reference,
    "higher-scope": higher_scope,
    "stray-symbol": stray_symbol,
    "missing-unit": missing_unit,
}


def wording_findings(text: str, filename: str = "report.txt"):
    return list(lint_text(text, filename=filename, config=CONFIG))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    template=st.sampled_from(["T2019", "T2021"]),
    seed=st.integers(min_value=0, max_value=10_000),
    subject=st.sampled_from(range(len(SUBJECTS))),
    layout=st.sampled_from(LAYOUTS),
)
def test_clean_generated_reports_have_no_wording_finding(template, seed, subject, layout):
    report = SampleReport.build(template, YEARS[template], subject=SUBJECTS[subject], seed=seed)
    assert wording_findings(render(report, layout), FILENAMES[layout]) == []
    assert wording_findings(render_html(report), "report.html") == []


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    template=st.sampled_from(["T2019", "T2021"]),
    seed=st.integers(min_value=0, max_value=10_000),
    subject=st.sampled_from(range(len(SUBJECTS))),
    layout=st.sampled_from(LAYOUTS),
    kind=st.sampled_from(sorted(SLIPS)),
    pick=st.integers(min_value=0, max_value=50),
)
def test_one_inserted_slip_gives_exactly_one_finding_of_its_code_at_its_place(template, seed, subject, layout, kind, pick):
    sample = SUBJECTS[subject]
    text = render(SampleReport.build(template, YEARS[template], subject=sample, seed=seed), layout)
    make = SLIPS[kind]
    slip = make(text, pick, sample) if kind == "bare-self-reference" else make(text, pick)
    [finding] = wording_findings(slip.text, FILENAMES[layout])
    assert finding.code == slip.code, finding.message
    assert (finding.start, finding.end) == (slip.start, slip.end), (finding.message, slip.text[finding.start : finding.end])
