"""DOMAIN.md §D13: every defect listed for each seed is reported, by the expected rule, at the right line.

Each entry is (rule code, line). The sets are the complete findings of those codes on the seed,
so a false positive of the same rule fails the test too.
"""

from __future__ import annotations

import pytest

from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths

EXPECTED = {
    "000": {
        ("RL114", 5),  # title "公开 公开"
        ("RL202", 54),  # section 三: result rows missing (labels lost), at the table's first row
        ("RL204", 56),  # "三、本" row placed by position as （一）予以公开
        *{("RL203", line) for line in range(58, 74)},  # 16 unlabeled rows with 8–9 values
        ("RL205", 74),  # 四、结转下年度继续办理 with 6 values
        ("RL110", 11),  # no 考核/评议/责任追究
        ("RL107", 76),  # 四、政府信息公开工作行政复议… heading variant
        ("RL608", 52),
        ("RL608", 53),
        ("RL608", 81),  # header characters split by spaces (自 然 人, 法 律 服 务 机 构, 结 果 维 持)
    },
    "001": {
        ("RL116", 13),  # title split across lines
        ("RL112", 13),  # “2020年度…年度报告”
        ("RL109", 17),  # s1 lacks 依申请公开 and 监督保障
        ("RL110", 17),
        ("RL208", 137),  # 70280元
        ("RL503", 13),  # no statistical period
        ("RL609", 609),  # 政务公开人员变较快
        ("RL607", 1),
        ("RL607", 10),  # web chrome at the top (您当前的位置, 号:, 发表时间, 字体)
    },
    "002": {
        ("RL205", 75),  # section 四 has 16 values
        ("RL107", 70),  # section 四 heading variant
        ("RL623", 17),  # 前面做好
        ("RL602", 97),  # “，》，”
        ("RL620", 95),  # 人大代表提案
    },
    "003": {
        ("RL401", 403),  # 莲花镇 in section 五
        ("RL206", 29),  # blank 规范性文件/对外公开总数量
        ("RL212", 116),  # 上年结转… without 二、
        ("RL108", 2),  # intro lists the 2008-era parts
        ("RL602", 2),  # unclosed （
        ("RL604", 6),
        ("RL604", 7),
        ("RL604", 8),
        ("RL604", 9),  # （一）、 numbering
        ("RL208", 83),  # 57万元
        ("RL112", 1),  # “2020年度…年度报告”
        ("RL110", 4),
    },
    "004": {
        ("RL105", 5),
        ("RL105", 25),
        ("RL105", 30),
        ("RL105", 34),  # 2008-era headings (一、概述 at line 5 stands for the missing part 一)
        ("RL101", 26),
        ("RL101", 30),
        ("RL101", 38),  # sections 三、四、六 of the template missing
        ("RL103", 26),  # 四、政府信息依申请公开情况
        ("RL104", 25),  # 三、政府信息公开重点工作完成情况 is empty
        ("RL108", 3),  # promises 8 parts, a fee section and a statistics table
        ("RL201", 21),  # no tables at all
        ("RL112", 1),  # 2020年峨口镇人民政府信息公开年度报告
        ("RL507", 44),  # 政府信息公开是一项全新工作
        ("RL605", 60),
        ("RL605", 62),
        ("RL605", 64),  # ４、５、６ after 1、2、3
        ("RL110", 5),  # no assessment statement in the overview (一、概 述) nor in 七、存在问题及整改措施
    },
}


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_every_d13_defect_is_reported_at_its_line(seed, number):
    run = lint_paths([str(seed(number))], RunOptions())
    codes = {code for code, _ in EXPECTED[number]}
    found = {(d.code, d.location.line) for d in run.diagnostics if d.code in codes}
    assert found == EXPECTED[number]


def test_seeds_raise_no_internal_errors_and_no_places_noise(seed):
    run = lint_paths([str(seed(number)) for number in EXPECTED], RunOptions())
    codes = [d.code for d in run.diagnostics]
    assert not [code for code in codes if code.startswith("RL9")]
    assert [(d.code, d.location.line) for d in run.diagnostics if d.code.startswith("RL4")] == [("RL401", 403)]
