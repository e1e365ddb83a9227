"""RL704 across bodies: a paragraph copied from another body's report of the same batch (照搬照抄、雷同).

A batch rule: it compares the MinHash fingerprints of every prose paragraph of
every report in the batch (:class:`~reportlint.core.summary.Paragraphs`),
finding near-identical pairs with LSH (:class:`reportlint.text.minhash.LSHIndex`)
so the cost grows about linearly with the number of reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportlint.core.batch import Anchor, Batch, BatchReport, BatchRule
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.rule import Option
from reportlint.text.minhash import LSHIndex, signature_matrix

#: How much less similar than a pair other paragraphs may be and still make the pair's wording common (shared by many).
COMMON_MARGIN = 0.2
#: More nearly identical paragraphs than this are boilerplate without further ado (see :meth:`LSHIndex.pairs`).
CROWD = 64


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """One fingerprinted paragraph of the batch: whose report it is and where.

    ``owner`` numbers the body; ``known`` says whether the body is known (its
    place and organ, or at least the name it gives itself): only then is a
    shared paragraph called a copy.
    """

    report: BatchReport
    index: int
    owner: int
    length: int
    known: bool

    def anchor(self) -> Anchor:
        paragraphs = self.report.facts.paragraphs if self.report.facts is not None else None
        assert paragraphs is not None, "only fingerprinted paragraphs are compared"
        return self.report.anchor(paragraphs.places, self.index, "paragraph/" + paragraphs.digest(self.index).hex())

    @property
    def line(self) -> int:
        location = self.anchor().location
        return location.line if location is not None else 1


class CopiedFromAnotherBody(BatchRule):
    """报告中的段落与同批另一单位报告中的段落相同或几乎相同（照搬照抄、雷同）。

    年度报告应由各单位据实编写，国办公开办函〔2021〕30号把“雷同”列为追责情形。
    同一批检查的报告中，一段文字（第一、五、六部分和正文前的段落）与另一单位报告
    的某段几乎一字不差，就是照抄的迹象：报告指出两处位置，并给出本报告正文中与该
    单位报告相同的比例。比较时不计地名、空白和标点（照抄时常只改地名），也不计
    官方格式本身的文字（标题、表格栏目）；很多单位（选项 ``boilerplate``，默认 4 个
    及以上）都有的段落视为通用套话，不报告；太短的段落（选项 ``min-length``，默认
    50 字）不比较。只比较能确定单位的报告（地名库中的单位，或报告自称的名称），同一单位不同年度的报告之间不算照抄
    （见 RL703）。

    反例：

        （秦安县陇城镇的报告）我镇依托“陇城发布”微信公众号发布信息138条，群众留言办理回复率达到96%，较好回应了群众对宅基地审批的关切。
        （秦安县郭嘉镇的报告）我镇依托“陇城发布”微信公众号发布信息138条，群众留言办理回复率达到96%，较好回应了群众对宅基地审批的关切。

    正例：

        （秦安县陇城镇的报告）我镇依托“陇城发布”微信公众号发布信息138条，群众留言办理回复率达到96%，较好回应了群众对宅基地审批的关切。
        （秦安县郭嘉镇的报告）我镇在镇便民服务中心设立政务公开专区，配备自助查询机2台，全年接待群众查阅政策文件40余人次。

    选项：``similarity``（默认 0.9）——两段的相似度（0–1）达到多少算相同；
    ``boilerplate``（默认 4）——有这么多个单位的报告都有的段落视为通用套话；
    ``min-length``（默认 50）——参与比较的段落至少多少字（不计空白和标点）。
    """

    code = "RL704"
    name = "copied-from-another-body"
    severity = "warning"
    options = {
        "similarity": Option(0.9, "两段的相似度（0–1）达到多少算相同", float),
        "boilerplate": Option(4, "有这么多个单位的报告都有的段落视为通用套话", int),
        "min-length": Option(50, "参与比较的段落至少多少字（不计空白和标点）", int),
    }

    def check(self, batch: Batch) -> Iterator[Diagnostic]:
        paragraphs, members, signatures = self._paragraphs(batch)
        if len({paragraph.owner for paragraph in paragraphs}) < 2:
            return
        threshold = float(self.config["similarity"])
        boilerplate = max(2, int(self.config["boilerplate"]))
        # Exact copies first: one group per distinct text, one row of the LSH index per group.
        # A group's owners: one owner as a plain number (nearly every group), several as a frozenset.
        owners: list[int | frozenset[int]] = []
        for group_rows in members:
            if isinstance(group_rows, int):
                owners.append(paragraphs[group_rows].owner)
                continue
            found = {paragraphs[row].owner for row in group_rows}
            owners.append(next(iter(found)) if len(found) == 1 else frozenset(found))
        index = LSHIndex(signature_matrix(signatures))
        del signatures  # the index holds them as one array
        first, second, scores, crowds = index.pair_arrays(threshold, crowd=CROWD)
        common = {int(group) for crowd in crowds for group in crowd}  # very many nearly the same texts: boilerplate
        copies: dict[int, dict[int, tuple[int, float]]] = defaultdict(dict)  # row → other owner → (their row, similarity)
        peers = _Peers(index, owners, max(0.0, threshold - COMMON_MARGIN))
        for group, partner, score in _candidates(owners, first, second, scores):
            if group in common or partner in common or peers.common(group, partner, score, boilerplate):
                continue
            for mine_group, their_group in ((group, partner), (partner, group)) if group != partner else ((group, group),):
                self._record(copies, paragraphs, _rows(members[mine_group]), _rows(members[their_group]), score)
        yield from self._findings(paragraphs, {row: found for row, found in copies.items() if found})

    @staticmethod
    def _record(
        copies: dict[int, dict[int, tuple[int, float]]], paragraphs: list[_Paragraph], mine: list[int], theirs: list[int], score: float
    ) -> None:
        """For each checked paragraph of ``mine``, its best copy in each other body's reports among ``theirs``."""
        for row in mine:
            paragraph = paragraphs[row]
            if paragraph.report.reference or not paragraph.known:
                continue
            best = copies[row]
            for other in theirs:
                candidate = paragraphs[other]
                if candidate.owner == paragraph.owner or not candidate.known:
                    continue
                if candidate.owner not in best or _better(candidate, score, paragraphs[best[candidate.owner][0]], best[candidate.owner][1]):
                    best[candidate.owner] = (other, score)

    def _paragraphs(self, batch: Batch) -> tuple[list[_Paragraph], list[int | list[int]], bytearray]:
        """Every fingerprinted paragraph long enough to compare, with its owner; the groups of equal texts and one signature per group.

        A body on the map is one owner; a report whose subject the gazetteer
        cannot place is owned by the name it gives itself (a shorter name that
        ends another, 兴国镇 and 秦安县兴国镇, is the same body); a report with no
        subject at all is an owner of its own, compared for boilerplate but
        never called a copy. Paragraphs with the same digest (the same
        normalised text) form one group: its rows (one row as a plain number,
        as nearly every group has), and the signature of its first paragraph,
        which stands for all of them (all groups' signatures one after another).
        """
        owners: dict[str, int] = {}
        named = _NamedBodies()
        found: list[_Paragraph] = []
        groups: dict[bytes, int] = {}
        members: list[int | list[int]] = []
        signatures = bytearray()
        minimum = int(self.config["min-length"])
        for number, report in enumerate(batch.comparable):
            facts = report.facts
            if facts is None or facts.paragraphs is None:
                continue
            subject = report.summary.subject
            if report.body is not None:
                key = report.body.key
            elif subject:
                key = "name:" + named.canonical("".join(subject.split()))
            else:
                key = f"report:{number}"
            owner = owners.setdefault(key, len(owners))
            known = not key.startswith("report:")
            paragraphs = facts.paragraphs
            for index in range(len(paragraphs)):
                length = paragraphs.lengths[index]
                if length < minimum:
                    continue
                row = len(found)
                found.append(_Paragraph(report, index, owner, length, known))
                group = groups.setdefault(paragraphs.digest(index), len(members))
                if group == len(members):
                    members.append(row)
                    signatures += paragraphs.signature(index)
                else:
                    earlier = members[group]
                    if isinstance(earlier, int):
                        members[group] = [earlier, row]
                    else:
                        earlier.append(row)
        return found, members, signatures

    def _findings(self, paragraphs: list[_Paragraph], copies: dict[int, dict[int, tuple[int, float]]]) -> Iterator[Diagnostic]:
        shared: dict[tuple[str, int], int] = defaultdict(int)  # (report path, other owner) → copied length
        for row, by_owner in copies.items():
            for owner in by_owner:
                shared[(paragraphs[row].report.path, owner)] += paragraphs[row].length
        for row in sorted(copies, key=lambda item: (paragraphs[item].report.path, paragraphs[item].index)):
            mine = paragraphs[row]
            facts = mine.report.facts
            total = facts.prose_length if facts is not None else 0
            for owner, (other, score) in sorted(copies[row].items(), key=lambda item: paragraphs[item[1][0]].report.path):
                theirs = paragraphs[other]
                body = theirs.report.body.name if theirs.report.body is not None else theirs.report.summary.subject or ""
                how = "相同" if score >= 1.0 else f"几乎相同（约 {score:.0%} 相同）"
                share = shared[(mine.report.path, owner)] / total if total else 0.0
                year = f"{theirs.report.year}年度" if theirs.report.year is not None else ""
                yield self.diagnostic(
                    f"本段与 {theirs.report.path}（{body}{year}报告）第 {theirs.line} 行的段落{how}（不计地名），"
                    f"本报告正文约 {share:.0%} 与该单位的报告相同",
                    mine.anchor(),
                    related=[(theirs.anchor(), f"{body}报告中的段落")],
                )


#: Characters that end a place name (秦安县, 天水市 …): a name may be written with or without the places above it.
_PLACE_ENDS = "省市州盟县区旗"
#: Endings of a body that is a place's government (兴国镇, 七里墩街道 …), which may be named without its parents.
_GOVERNMENT_ENDS = ("镇", "乡", "街道", "县", "区", "市", "旗")
#: Organ words that name a place's government (兴国镇人民政府 is 兴国镇).
_GOVERNMENT_ORGANS = ("人民政府", "政府", "办事处")


class _NamedBodies:
    """Names of bodies the gazetteer could not place: 秦安县兴国镇 and 兴国镇 are one body, 东乡县交通运输局 and 洪江区交通运输局 two."""

    def __init__(self) -> None:
        self._canonical: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        """The canonical name of ``name``: the first name seen that is it with or without its parent places and 人民政府."""
        for organ in _GOVERNMENT_ORGANS:
            if name.endswith(organ) and len(name) > len(organ) + 1:
                name = name[: -len(organ)]
                break
        found = self._canonical.get(name)
        if found is not None:
            return found
        for shorter in _without_parents(name):
            found = self._canonical.get(shorter)
            if found is not None:
                break
        else:
            found = name
        for variant in (name, *_without_parents(name)):
            self._canonical.setdefault(variant, found)
        return found


def _without_parents(name: str) -> list[str]:
    """``name`` without each leading run of parent places, when what is left names a government (秦安县兴国镇 → 兴国镇)."""
    return [
        name[index + 1 :]
        for index in range(len(name) - 2)
        if name[index] in _PLACE_ENDS and len(name) - index - 1 >= 2 and name.endswith(_GOVERNMENT_ENDS)
    ]


def _candidates(owners: list[int | frozenset[int]], first: Any, second: Any, scores: Any) -> Iterator[tuple[int, int, float]]:
    """The groups that may be copies, most similar first: a text several owners have (exact copies), then similar pairs of different owners.

    Kept as arrays (a 10,000-report batch has a few hundred thousand similar
    pairs, nearly all of one owner's years or of generic wording) and turned into
    Python values a slice at a time.
    """
    import numpy as np  # loaded already: the index is built with it

    single = np.array([item if isinstance(item, int) else -1 for item in owners], dtype=np.int64)
    exact = np.flatnonzero(single < 0)
    # A pair is a candidate when the two groups' owners are not one and the same owner.
    differ = (single[first] < 0) | (single[second] < 0) | (single[first] != single[second])
    rows = np.concatenate((exact, first[differ]))
    partners = np.concatenate((exact, second[differ]))
    similarity = np.concatenate((np.ones(len(exact)), scores[differ]))
    order = np.argsort(-similarity, kind="stable")
    for start in range(0, len(order), 4096):
        chosen = order[start : start + 4096]
        yield from zip(rows[chosen].tolist(), partners[chosen].tolist(), similarity[chosen].tolist(), strict=True)


def _rows(members: int | list[int]) -> list[int]:
    """A group's rows (one row is kept as a plain number)."""
    return [members] if isinstance(members, int) else members


def _owner_set(owners: int | frozenset[int]) -> set[int]:
    """A group's owners as a set (one owner is kept as a plain number)."""
    return {owners} if isinstance(owners, int) else set(owners)


class _Peers:
    """Which owners have a paragraph about as close to a group as a given similarity: the test for common wording.

    Each group's neighbours are looked up once (at the lowest similarity any
    pair may need) and kept as two small arrays; candidates come highest
    similarity first, so a group found common at one similarity is common for
    every lower one without looking again.
    """

    def __init__(self, index: LSHIndex, owners: list[int | frozenset[int]], floor: float) -> None:
        self.index = index
        self.owners = owners
        self.floor = floor
        self._neighbours: dict[int, tuple[Any, Any]] = {}  # group → (rows, similarities), two small numpy arrays
        self._common_at: dict[int, float] = {}

    def _of(self, group: int) -> tuple[Any, Any]:
        found = self._neighbours.get(group)
        if found is None:
            found = self._neighbours[group] = self.index.neighbour_arrays(group, self.floor, limit=CROWD)
        return found

    def common(self, group: int, partner: int, score: float, boilerplate: int) -> bool:
        """Whether ``boilerplate`` owners or more have a paragraph within :data:`COMMON_MARGIN` of ``score`` of the pair.

        "About as close" is within the margin of the pair's own similarity: a
        verbatim copy inside a family of loosely similar paragraphs stands out, a
        sentence every report words alike does not.
        """
        if score <= self._common_at.get(group, -1.0) or score <= self._common_at.get(partner, -1.0):
            return True
        peers = _owner_set(self.owners[group]) | _owner_set(self.owners[partner])
        floor = score - COMMON_MARGIN
        for row in dict.fromkeys((group, partner)):
            if len(peers) >= boilerplate:
                break
            others, scores = self._of(row)
            peers.update(owner for other in others[scores >= floor].tolist() for owner in _owner_set(self.owners[other]))
        if len(peers) >= boilerplate:
            for row in (group, partner):
                self._common_at[row] = max(self._common_at.get(row, -1.0), score)
            return True
        return False


def _better(candidate: _Paragraph, score: float, current: _Paragraph, current_score: float) -> bool:
    """Which of two copies of one paragraph in one other body's reports to name: the closer, then the checked, then the later year."""

    def rank(paragraph: _Paragraph, similarity: float) -> tuple[float, bool, int, str]:
        return (similarity, not paragraph.report.reference, paragraph.report.year or 0, paragraph.report.path)

    return rank(candidate, score) > rank(current, current_score)


@hookimpl
def reportlint_batch_rules() -> list[type[BatchRule]]:
    """RL704, copy detection across bodies."""
    return [CopiedFromAnotherBody]
