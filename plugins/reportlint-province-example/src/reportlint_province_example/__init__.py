"""reportlint plugin of the (fictional) 示例省: a Python rule, a YAML pack and a template extension.

Everything it adds applies only to 示例省's reports (``applies_to`` for the rule,
``when:`` in the pack and in the template extension), so installing it leaves
other provinces' results unchanged. A report whose body the gazetteer cannot
place (示例省 is fictional, and so are its places) is still checked:
``unknown="check"``.
"""

from __future__ import annotations

import re
from importlib.resources import files

from reportlint import Condition, Option, Rule, hookimpl

#: Where this plugin's rule applies: 示例省's reports (and those whose province cannot be told).
PROVINCE = Condition(provinces=("示例省",), unknown="check")
#: The phone numbers reports give for enquiries: an area code, a dash or space, 7–8 digits.
PHONE = re.compile(r"(?<!\d)(0\d{2,3})[-－—\s]?(\d{7,8})(?!\d)")


class ContactPhoneAreaCode(Rule):
    """报告中的联系电话不是本省的长途区号。

    示例省要求年度报告在引言中写明咨询电话。区号不属于本省的电话，多半是照抄了
    其他地方的报告，公众按这个号码也联系不到报告机关。

    反例：

        如对本报告有疑问，请与镇政府办公室联系（电话：0938-6521510）。

    正例：

        如对本报告有疑问，请与镇政府办公室联系（电话：0990-6521510）。

    选项：``area-codes``（字符串列表）——本省的长途区号，默认 ["0990", "0991", "0992"]。
    """

    code = "XS101"
    name = "contact-phone-area-code"
    severity = "warning"
    applies_to = PROVINCE
    options = {"area-codes": Option(["0990", "0991", "0992"], "本省的长途区号", list)}

    def check(self, report):
        allowed = set(self.config["area-codes"])
        for match in PHONE.finditer(report.normalized):
            area_code = match.group(1)
            if area_code not in allowed and not area_code.startswith(("010", "020")):
                yield self.diagnostic(
                    f"联系电话 {report.text[match.start() : match.end()]} 的区号 {area_code} 不属于本省（本省区号：{'、'.join(sorted(allowed))}）",
                    match.start(),
                    match.end(),
                )


_DATA = files(__package__)


@hookimpl
def reportlint_rules():
    """The plugin's Python rule."""
    return [ContactPhoneAreaCode]


@hookimpl
def reportlint_rule_packs():
    """The plugin's YAML rule pack."""
    return [str(_DATA / "rules" / "province.yaml")]


@hookimpl
def reportlint_templates():
    """The province's extension of the 2021 template (an extra row in section 二)."""
    return [str(_DATA / "templates" / "t2021-province.yaml")]
