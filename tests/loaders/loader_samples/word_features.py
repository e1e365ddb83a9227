"""Hand-written .docx packages exercising every construct the Word reader handles, and styles parts of any size.

:func:`write_word` packs a body (WordprocessingML written by the test) with
optional ``styles.xml`` and ``numbering.xml``. :data:`FEATURES_BODY` puts in one
document what Word shows and what it hides: list labels from numbering (direct
and through a style), hidden runs, tracked insertions, deletions and moves,
hyperlinks, field codes, symbols (one past Unicode), math, a text box in
alternate content, and tables with ``w:gridBefore``, ``w:gridSpan``,
``w:vMerge``, ``w:hMerge``, content controls, several paragraphs and tabs in a
cell, a nested table and a single-column table. :data:`FEATURES_TEXT` is what
Word shows of it, as the loader writes it.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_PACKAGE_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOCUMENT_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)


def styles(*definitions: str, padding: int = 0, trailing: int = 0) -> str:
    """A ``styles.xml`` with these ``w:style`` elements, after ``padding`` and before ``trailing`` bytes of latent styles.

    The latent styles have random names, so the part does not compress away: a
    test can damage its compressed end, or put a style past the first chunk read.
    """
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">{latent_styles(padding, 1)}'
        + "".join(definitions)
        + f"{latent_styles(trailing, 2)}</w:styles>"
    )


def latent_styles(size: int, seed: int = 3) -> str:
    """A ``w:latentStyles`` element of about ``size`` bytes of random style names."""
    rng = random.Random(seed)
    entries = []
    total = 0
    while total < size:
        entry = f'<w:lsdException w:name="{rng.getrandbits(128):032x}" w:uiPriority="{rng.randrange(100)}"/>'
        entries.append(entry)
        total += len(entry)
    return f"<w:latentStyles>{''.join(entries)}</w:latentStyles>"


def style(style_id: str, name: str, extra: str = "", quote: str = '"') -> str:
    """A paragraph style; ``extra`` goes inside it (``w:basedOn``, ``w:pPr``)."""
    return (
        f"<w:style w:type={quote}paragraph{quote} w:styleId={quote}{style_id}{quote}><w:name w:val={quote}{name}{quote}/>{extra}</w:style>"
    )


FEATURES_STYLES = styles(
    style("Normal", "Normal"),
    style("Title", "Title", '<w:basedOn w:val="Normal"/>'),
    style("Heading2", "heading 2", '<w:basedOn w:val="Normal"/>'),
    style("Listed", "Listed paragraph", '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'),
)

FEATURES_NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)


def _p(*runs: str, properties: str = "") -> str:
    return f"<w:p>{'<w:pPr>' + properties + '</w:pPr>' if properties else ''}{''.join(runs)}</w:p>"


def _r(text: str, properties: str = "") -> str:
    return f'<w:r>{"<w:rPr>" + properties + "</w:rPr>" if properties else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _tc(*content: str, properties: str = "") -> str:
    width = '<w:tcW w:w="2000" w:type="dxa"/>'
    return f"<w:tc><w:tcPr>{width}{properties}</w:tcPr>{''.join(content) or '<w:p/>'}</w:tc>"


def _tr(*cells: str, properties: str = "") -> str:
    return f"<w:tr>{'<w:trPr>' + properties + '</w:trPr>' if properties else ''}{''.join(cells)}</w:tr>"


_NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
_TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
    + _p(_r("文本框里的说明"))
    + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    + _p(_r("文本框里的说明"))
    + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)

FEATURES_BODY = "".join(
    [
        _p(_r("某某镇2023年政府信息公开工作年度报告"), properties='<w:pStyle w:val="Title"/>'),
        _p(_r("总体情况"), properties=_NUMBERED),
        _p(_r("主动公开", "<w:b/>"), properties='<w:pStyle w:val="Listed"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'),
        _p(_r("收到和处理政府信息公开申请情况"), properties='<w:pStyle w:val="Listed"/>'),
        _p(_r("本年"), _r("（隐藏的批注）", "<w:vanish/>"), _r("收到申请", '<w:vanish w:val="0"/>'), _r("12件。")),
        _p(
            _r("全年"),
            '<w:ins w:id="1">' + _r("新增") + "</w:ins>",
            '<w:del w:id="2"><w:r><w:tab/><w:delText>删除的字</w:delText></w:r></w:del>',
            '<w:moveFrom w:id="3">' + _r("移走的字") + "</w:moveFrom>",
            '<w:moveTo w:id="4">' + _r("移来的字") + "</w:moveTo>",
            '<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            + _r("网站")
            + "</w:hyperlink>",
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:char="2605"/><w:sym w:char="FFFFFFFFFFFFFFFFFFFFFFFF"/>'
            "<w:noBreakHyphen/><w:br/><w:t>第二行</w:t></w:r>",
        ),
        _p(_r("公式"), "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>", _r("结束")),
        _p(_r("见右侧文本框"), _TEXT_BOX),
        _p(_r("申请办理情况"), properties='<w:pStyle w:val="Heading2"/>'),
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        + _tr(
            _tc(_p(_r("项目")), properties='<w:vMerge w:val="restart"/>'), _tc(_p(_r("申请人情况")), properties='<w:gridSpan w:val="3"/>')
        )
        + _tr(
            _tc(_p(), properties="<w:vMerge/>"),
            _tc(_p(_r("自然人"))),
            _tc(_p(_r("法人")), properties='<w:hMerge w:val="restart"/>'),
            _tc(_p(_r("（并入左格）")), properties='<w:hMerge w:val="continue"/>'),
        )
        + _tr(
            _tc(_p(_r("申请数"))),
            _tc(_p(_r("1"), "<w:r><w:tab/></w:r>", _r("2")), _p(_r("第二段"))),
            "<w:sdt><w:sdtPr/><w:sdtContent><w:tc><w:tcPr/><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>",
            _tc(_p(_r("明细"), properties=_NUMBERED)),
        )
        + _tr(_tc(_p(_r("备注")), _p(_r("见文本框"), _TEXT_BOX)), properties='<w:gridBefore w:val="1"/>')
        + "</w:tbl>",
        "<w:tbl>"
        + _tr(_tc(_p(_r("外层"))), _tc("<w:tbl>" + _tr(_tc(_p(_r("内层甲"))), _tc(_p(_r("内层乙")))) + "</w:tbl>" + _p()))
        + "</w:tbl>",
        "<w:tbl>" + _tr(_tc(_p(_r("单列一")))) + _tr(_tc(_p(_r("单列二")))) + "</w:tbl>",
        _p(_r("  结尾段落。  ")),
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
    ]
)

#: What Word shows of :data:`FEATURES_BODY`, as the loader writes it (list labels rendered, hidden and deleted text left out).
FEATURES_TEXT = "\n".join(
    [
        "某某镇2023年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）主动公开",
        "二、收到和处理政府信息公开申请情况",
        "本年收到申请12件。",
        "全年新增移来的字网站3★-\n第二行",
        "公式x+1结束",
        "见右侧文本框",
        "文本框里的说明",
        "申请办理情况",
        "项目\t申请人情况\t\t",
        "\t自然人\t法人\t",
        "申请数\t1 2\n第二段\t3\t三、明细",
        "\t备注\n见文本框\n文本框里的说明\t\t",
        "外层",
        "内层甲\t内层乙",
        "单列一",
        "单列二",
        "结尾段落。",
    ]
)


def write_word(path: Path, body: str, styles_xml: str | None = None, numbering_xml: str | None = None) -> Path:
    """Write a .docx holding ``body`` (and the styles and numbering parts when given) to ``path``."""
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NAMESPACES}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELATIONSHIPS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELATIONSHIPS)
        if styles_xml is not None:
            archive.writestr("word/styles.xml", styles_xml)
        if numbering_xml is not None:
            archive.writestr("word/numbering.xml", numbering_xml)
    return path


def damage_part(path: Path, part: str, at: float) -> Path:
    """Overwrite 64 bytes of a part's compressed data at fraction ``at`` of it (0: its start, 1: its end)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    where = start + min(int(info.compress_size * at), info.compress_size - 64)
    data[where : where + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path
