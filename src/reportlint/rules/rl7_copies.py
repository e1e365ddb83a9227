"""RL704 across bodies: a paragraph copied from another body's report of the same batch (照搬照抄、雷同).

A batch rule: it compares the MinHash fingerprints of every prose paragraph of
every report in the batch (:class:`~reportlint.core.summary.Paragraphs`),
finding near-identical pairs with LSH (:class:`reportlint.text.minhash.LSHIndex`)
so the cost grows about linearly with the number of reports. The paragraphs
(about 100,000 in a batch of 10,000 reports) are kept in packed arrays
(:class:`_Rows`), not as an object each.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from reportlint.core.batch import Anchor, Batch, BatchReport, BatchRule
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.rule import Option
from reportlint.core.summary import Paragraphs
from reportlint.text.minhash import LSHIndex, signature_matrix

#: How much less similar than a pair other paragraphs may be and still make the pair's wording common (shared by many).
COMMON_MARGIN = 0.2
#: More nearly identical paragraphs than this are boilerplate without further ado (see :meth:`LSHIndex.pairs`).
CROWD = 64


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """One fingerprinted paragraph of the batch (a row of :class:`_Rows`, made for the findings): whose report it is and where.

    ``owner`` numbers the body; ``known`` says whether the body is known (its
    place and organ, or at least the name it gives itself): only then is a
    shared paragraph called a copy.
    """

    report: BatchReport
    index: int
    owner: int
    length: int
    known: bool

    @property
    def paragraphs(self) -> Paragraphs:
        paragraphs = self.report.facts.paragraphs if self.report.facts is not None else None
        assert paragraphs is not None, "only fingerprinted paragraphs are compared"
        return paragraphs

    def signature(self) -> bytes:
        return self.paragraphs.signature(self.index)

    def anchor(self) -> Anchor:
        paragraphs = self.paragraphs
        return self.report.anchor(paragraphs.places, self.index, "paragraph/" + paragraphs.digest(self.index).hex())

    @property
    def line(self) -> int:
        location = self.anchor().location
        return location.line if location is not None else 1


class _Rows:
    """Every fingerprinted paragraph of the batch long enough to compare (a row), in packed arrays.

    Row ``r`` is paragraph ``index[r]`` of ``reports[report[r]]``, ``length[r]``
    characters long, of body ``owner[r]``; ``known[owner]`` says whether that
    body is known (see :class:`_Paragraph`, which ``rows[r]`` makes).
    """

    def __init__(self) -> None:
        self.reports: list[BatchReport] = []
        self.report = array("i")
        self.index = array("i")
        self.owner = array("i")
        self.length = array("i")
        self.known: list[bool] = []
        self._ranks: dict[int, tuple[bool, int, str]] = {}

    def __len__(self) -> int:
        return len(self.report)

    def __getitem__(self, row: int) -> _Paragraph:
        owner = self.owner[row]
        return _Paragraph(self.reports[self.report[row]], self.index[row], owner, self.length[row], self.known[owner])

    def report_of(self, row: int) -> BatchReport:
        """The report row ``row`` is a paragraph of."""
        return self.reports[self.report[row]]

    def rank(self, row: int) -> tuple[bool, int, str]:
        """How a row's report ranks among copies of one paragraph: checked before ``--previous``, then later years, then paths."""
        slot = self.report[row]
        found = self._ranks.get(slot)
        if found is None:
            report = self.reports[slot]
            found = self._ranks[slot] = (not report.reference, report.year or 0, report.path)
        return found


@dataclass(frozen=True)
class _Groups:
    """The rows grouped by equal texts (equal digests), groups numbered in the order their first rows come.

    Group ``g``'s rows are ``rows[starts[g]:starts[g + 1]]``, in order; its
    owner is ``single[g]`` when all its rows have one owner, else ``-1`` and
    its owners are ``several[g]``.
    """

    rows: Any
    starts: Any
    single: Any
    several: dict[int, frozenset[int]]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def members(self, group: int) -> list[int]:
        """The rows of a group, in order."""
        return self.rows[self.starts[group] : self.starts[group + 1]].tolist()

    def owners(self, group: int) -> set[int]:
        """The owners of a group's rows."""
        owner = int(self.single[group])
        return {owner} if owner >= 0 else set(self.several[group])


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
        rows, digests = self._paragraphs(batch)
        if len(set(rows.owner)) < 2:
            return
        threshold = float(self.config["similarity"])
        boilerplate = max(2, int(self.config["boilerplate"]))
        # Exact copies first: one group per distinct text, one row of the LSH index per group.
        groups = _groups(rows, digests)
        del digests
        signatures = bytearray()  # the signature of each group's first paragraph, which stands for all of them
        for first in groups.rows[groups.starts[:-1]].tolist():
            signatures += rows[first].signature()
        index = LSHIndex(signature_matrix(signatures))
        del signatures  # the index holds them as one array
        first_groups, second_groups, scores, crowds = index.pair_arrays(threshold, crowd=CROWD)
        common = {int(group) for crowd in crowds for group in crowd}  # very many nearly the same texts: boilerplate
        copies: dict[int, dict[int, tuple[int, float]]] = defaultdict(dict)  # row → other owner → (their row, similarity)
        peers = _Peers(index, groups, max(0.0, threshold - COMMON_MARGIN))
        for group, partner, score in _candidates(groups, first_groups, second_groups, scores):
            if group in common or partner in common or peers.common(group, partner, score, boilerplate):
                continue
            for mine_group, their_group in ((group, partner), (partner, group)) if group != partner else ((group, group),):
                self._record(copies, rows, groups.members(mine_group), groups.members(their_group), score)
        yield from self._findings(rows, {row: found for row, found in copies.items() if found})

    @staticmethod
    def _record(copies: dict[int, dict[int, tuple[int, float]]], rows: _Rows, mine: list[int], theirs: list[int], score: float) -> None:
        """For each checked paragraph of ``mine``, its best copy in each other body's reports among ``theirs``.

        The best copy is the closer, then the one in a checked report (not
        ``--previous``), then the later year (then the later path); of equal ones,
        the one found first. Each body's best among ``theirs`` is found once.
        """
        owners, known = rows.owner, rows.known
        champions: dict[int, tuple[tuple[bool, int, str], int]] = {}  # owner → (rank, row) of its best paragraph among theirs
        for other in theirs:
            owner = owners[other]
            if not known[owner]:
                continue
            rank = rows.rank(other)
            found = champions.get(owner)
            if found is None or rank > found[0]:
                champions[owner] = (rank, other)
        for row in mine:
            owner = owners[row]
            if rows.report_of(row).reference or not known[owner]:
                continue
            best = copies[row]
            for candidate, (rank, other) in champions.items():
                if candidate == owner:
                    continue
                current = best.get(candidate)
                if current is None or (score, rank) > (current[1], rows.rank(current[0])):
                    best[candidate] = (other, score)

    def _paragraphs(self, batch: Batch) -> tuple[_Rows, bytearray]:
        """Every fingerprinted paragraph long enough to compare, with its owner, and the digests of their texts (eight bytes each).

        A body on the map is one owner; a report whose subject the gazetteer
        cannot place is owned by the name it gives itself (a shorter name that
        ends another, 兴国镇 and 秦安县兴国镇, is the same body; a name that gives the place by its level alone,
        市卫健委, is the one body on the map whose name ends with it, 厦门市卫健委); a report with no
        subject at all is an owner of its own, compared for boilerplate but
        never called a copy.
        """
        owners: dict[str, int] = {}
        named = _NamedBodies()
        placed = _BodiesByLevelName({report.body.name: report.body.key for report in batch.comparable if report.body is not None})
        rows = _Rows()
        digests = bytearray()
        minimum = int(self.config["min-length"])
        for number, report in enumerate(batch.comparable):
            facts = report.facts
            if facts is None or facts.paragraphs is None:
                continue
            subject = report.summary.subject
            if report.body is not None:
                key = report.body.key
            elif subject:
                key = placed.key("".join(subject.split())) or "name:" + named.canonical("".join(subject.split()))
            else:
                key = f"report:{number}"
            owner = owners.setdefault(key, len(owners))
            if owner == len(rows.known):
                rows.known.append(not key.startswith("report:"))
            paragraphs = facts.paragraphs
            kept = [index for index, length in enumerate(paragraphs.lengths) if length >= minimum]
            if not kept:
                continue
            slot = len(rows.reports)
            rows.reports.append(report)
            for index in kept:
                rows.report.append(slot)
                rows.index.append(index)
                rows.owner.append(owner)
                rows.length.append(paragraphs.lengths[index])
                digests += paragraphs.digest(index)
        return rows, digests

    def _findings(self, rows: _Rows, copies: dict[int, dict[int, tuple[int, float]]]) -> Iterator[Diagnostic]:
        shared: dict[tuple[str, int], int] = defaultdict(int)  # (report path, other owner) → copied length
        for row, by_owner in copies.items():
            for owner in by_owner:
                shared[(rows.report_of(row).path, owner)] += rows.length[row]
        for row in sorted(copies, key=lambda item: (rows.report_of(item).path, rows.index[item])):
            mine = rows[row]
            facts = mine.report.facts
            total = facts.prose_length if facts is not None else 0
            for owner, (other, score) in sorted(copies[row].items(), key=lambda item: rows.report_of(item[1][0]).path):
                theirs = rows[other]
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


def _groups(rows: _Rows, digests: bytearray) -> _Groups:
    """The rows grouped by their texts' digests (see :class:`_Groups`)."""
    import numpy as np  # loaded already: signatures are made with it

    values = np.frombuffer(digests, dtype="<u8")
    _, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(first))  # groups numbered by their first rows
    group_of_row = rank[inverse.reshape(-1)]
    members = np.argsort(group_of_row, kind="stable")  # each group's rows together, in order
    starts = np.concatenate(([0], np.cumsum(np.bincount(group_of_row, minlength=len(first))))).astype(np.int64)
    owners = np.frombuffer(rows.owner, dtype=np.int32)[members].astype(np.int64)
    if len(owners):
        lowest = np.minimum.reduceat(owners, starts[:-1])
        highest = np.maximum.reduceat(owners, starts[:-1])
    else:
        lowest = highest = np.zeros(0, dtype=np.int64)
    several = {int(group): frozenset(owners[starts[group] : starts[group + 1]].tolist()) for group in np.flatnonzero(lowest != highest)}
    return _Groups(members, starts, np.where(lowest == highest, lowest, -1), several)


#: Characters that end a place name (秦安县, 天水市 …): a name may be written with or without the places above it.
_PLACE_ENDS = "省市州盟县区旗"
#: Endings of a body that is a place's government (兴国镇, 七里墩街道 …), which may be named without its parents.
_GOVERNMENT_ENDS = ("镇", "乡", "街道", "县", "区", "市", "旗")
#: Organ words that name a place's government (兴国镇人民政府 is 兴国镇).
_GOVERNMENT_ORGANS = ("人民政府", "政府", "办事处")


class _BodiesByLevelName:
    """The batch's bodies on the map by the names that give their place by its level alone (厦门市卫健委 by 市卫健委,
    某县教育局 by 县教育局): each such ending of a body's name, indexed once, not every body searched for each name."""

    def __init__(self, placed: Mapping[str, str]) -> None:
        """``placed``: each body's name on the map, with its key."""
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._short_keys: dict[str, set[str]] = defaultdict(set)
        for name, key in placed.items():
            for index in range(1, len(name) - 2):  # (an ending of three characters at least, after the place's name)
                if name[index] in _LEVEL_WORDS:
                    self._keys[name[index:]].add(key)
                    self._short_keys[_shortened(name[index:])].add(key)

    def key(self, name: str) -> str | None:
        """The key of the one body whose name ``name`` gives by its level alone, or None (none, or several); a department
        named in full or shortened (县发改委, 枞阳县发展改革委) is one body, when no body's name ends as written."""
        keys = self._keys.get(name) or self._short_keys.get(_shortened(name)) or set()
        return next(iter(keys)) if len(keys) == 1 else None


def _shortened(name: str) -> str:
    """A body's name with its department written as reports shorten it (发展和改革委员会, 发展改革委 → 发改委)."""
    if not name.endswith(_DEPARTMENT_ENDS):
        return name
    for full, short in _SHORT_DEPARTMENTS:
        if full in name:
            return name.replace(full, short)
    return name


#: Department names in full and as reports shorten them, the longer forms first (one body either way).
_SHORT_DEPARTMENTS = (
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("发展改革委", "发改委"),
    ("发展和改革局", "发改局"),
    ("发展改革局", "发改局"),
    ("卫生和健康委员会", "卫健委"),
    ("卫生健康委员会", "卫健委"),
    ("卫生健康委", "卫健委"),
    ("卫生健康局", "卫健局"),
    ("人力资源和社会保障局", "人社局"),
    ("人力资源社会保障局", "人社局"),
    ("住房和城乡建设局", "住建局"),
    ("住房城乡建设局", "住建局"),
    ("市场监督管理局", "市监局"),
    ("教育体育局", "教体局"),
    ("文化和旅游局", "文旅局"),
    ("文化旅游局", "文旅局"),
    ("医疗保障局", "医保局"),
    ("应急管理局", "应急局"),
    ("民族宗教事务局", "民宗局"),
    ("退役军人事务局", "退役军人局"),
    ("交通运输局", "交通局"),
)
#: How the names of the departments in :data:`_SHORT_DEPARTMENTS` end.
_DEPARTMENT_ENDS = ("委", "局", "委员会")


#: The words a body's name starts with in place of its place's name (市卫健委, 县教育局, 区民政局).
_LEVEL_WORDS = ("省", "市", "州", "盟", "县", "区", "旗")


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


def _candidates(groups: _Groups, first: Any, second: Any, scores: Any) -> Iterator[tuple[int, int, float]]:
    """The groups that may be copies, most similar first: a text several owners have (exact copies), then similar pairs of different owners.

    Kept as arrays (a 10,000-report batch has a few hundred thousand similar
    pairs, nearly all of one owner's years or of generic wording) and turned into
    Python values a slice at a time.
    """
    import numpy as np  # loaded already: the index is built with it

    single = groups.single
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


class _Peers:
    """Which owners have a paragraph about as close to a group as a given similarity: the test for common wording.

    Each group's neighbours are looked up once (at the lowest similarity any
    pair may need) and kept as two small arrays; candidates come highest
    similarity first, so a group found common at one similarity is common for
    every lower one without looking again.
    """

    def __init__(self, index: LSHIndex, groups: _Groups, floor: float) -> None:
        self.index = index
        self.groups = groups
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
        groups = self.groups
        peers = groups.owners(group) | groups.owners(partner)
        floor = score - COMMON_MARGIN
        for row in dict.fromkeys((group, partner)):
            if len(peers) >= boilerplate:
                break
            others, scores = self._of(row)
            close = others[scores >= floor]
            owners = groups.single[close]
            peers.update(owners[owners >= 0].tolist())
            for other in close[owners < 0].tolist():
                peers.update(groups.several[other])
        if len(peers) >= boilerplate:
            for row in (group, partner):
                self._common_at[row] = max(self._common_at.get(row, -1.0), score)
            return True
        return False


@hookimpl
def reportlint_batch_rules() -> list[type[BatchRule]]:
    """RL704, copy detection across bodies."""
    return [CopiedFromAnotherBody]
