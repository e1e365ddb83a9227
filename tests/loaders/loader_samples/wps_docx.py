"""A hand-written .docx in the style WPS Office saves: its XML quirks, numbering, text boxes and merges.

WPS writes WordprocessingML like Word but with numeric style ids, its own
namespaces (``wpsCustomData``, ``wp14``), ``w:sectPr`` inside a paragraph's
properties, explicit ``w:vMerge w:val="continue"``, and text boxes as
``wps:txbx`` inside ``mc:AlternateContent`` whose ``mc:Fallback`` repeats the
text in VML.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
    'mc:Ignorable="w14 wp14"'
)

_RUN_PROPERTIES = '<w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>'


def _run(text: str) -> str:
    return f'<w:r>{_RUN_PROPERTIES}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _cell(text: str, *, span: int = 1, merge: str | None = None) -> str:
    properties = '<w:tcW w:w="2130" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        properties += f'<w:vMerge w:val="{merge}"/>'
    content = f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run(text) if text else ""}</w:p>'
    return f'<w:tc><w:tcPr>{properties}<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>'


_TEXT_BOX_PARAGRAPH = f"<w:p>{_run('注：本报告数据截至2022年12月31日。')}</w:p>"

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NAMESPACES}><w:body>
<w:p w14:paraId="1A2B3C4D"><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr>{_run("某某县某某乡")}{_run("2022年")}<w:bookmarkStart w:id="0" w:name="_GoBack"/>{_run("政府信息公开工作年度报告")}<w:bookmarkEnd w:id="0"/></w:p>
<w:p><w:pPr><w:pStyle w:val="3"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{_run("总体情况")}</w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/></w:pPr>{_run("主动公开。通过")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://www.example.gov.cn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{_run("某某县人民政府网站")}<w:r><w:fldChar w:fldCharType="end"/></w:r><w:proofErr w:type="spellStart"/>{_run("本年度主动公开政府信息")}<w:proofErr w:type="spellEnd"/><w:ins w:id="1" w:author="WPS_1" w:date="2022-01-10T10:00:00Z">{_run("52")}</w:ins><w:del w:id="2" w:author="WPS_1" w:date="2022-01-10T10:00:00Z"><w:r><w:delText>48</w:delText></w:r></w:del>{_run("条。")}<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注，不公开）</w:t></w:r></w:p>
<w:p>{_run("附注如下")}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="3000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{_TEXT_BOX_PARAGRAPH}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202"><v:textbox><w:txbxContent>{_TEXT_BOX_PARAGRAPH}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="3"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425" w:num="1"/><w:docGrid w:type="lines" w:linePitch="312" w:charSpace="0"/></w:sectPr></w:pPr>{_run("主动公开政府信息情况")}</w:p>
<w:tbl><w:tblPr><w:tblStyle w:val="5"/><w:tblW w:w="8520" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="2130"/><w:gridCol w:w="2130"/><w:gridCol w:w="2130"/><w:gridCol w:w="2130"/></w:tblGrid>
<w:tr><w:trPr><w:trHeight w:val="600" w:hRule="atLeast"/></w:trPr>{_cell("（勾稽关系说明）", span=2, merge="restart")}{_cell("申请人情况", span=2)}</w:tr>
<w:tr>{_cell("", span=2, merge="continue")}{_cell("自然人")}{_cell("总计")}</w:tr>
<w:tr>{_cell("三、本年度办理结果", merge="restart")}{_cell("（一）予以公开")}{_cell("2")}{_cell("2")}</w:tr>
<w:tr>{_cell("", merge="continue")}{_cell("（二）部分公开")}{_cell("0")}{_cell("0")}</w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{_cell("（七）总计")}{_cell("2")}{_cell("2")}</w:tr>
</w:tbl>
<w:p>{_run("分项")}<w:r><w:tab/></w:r>{_run("说明：")}<w:r><w:br/></w:r>{_run("见下表")}</w:p>
<w:sdt><w:sdtPr><w:id w:val="147458"/></w:sdtPr><w:sdtContent><w:p>{_run("（本报告由某某乡党政办公室编制）")}</w:p></w:sdtContent></w:sdt>
<w:tbl><w:tblPr><w:tblW w:w="8520" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="8520"/></w:tblGrid><w:tr>{_cell("某某县某某乡人民政府")}</w:tr></w:tbl>
<w:p/>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425" w:num="1"/><w:docGrid w:type="lines" w:linePitch="312" w:charSpace="0"/></w:sectPr>
</w:body></w:document>"""

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:latentStyles w:count="260" w:defQFormat="0"><w:lsdException w:name="heading 1" w:qFormat="1"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="节标题"/><w:basedOn w:val="2"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="4"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="table" w:styleId="5"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""

PACKAGE_RELATIONSHIPS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""

DOCUMENT_RELATIONSHIPS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"""

#: The text a loader extracts from :data:`DOCUMENT`.
EXPECTED_TEXT = "\n".join(
    [
        "某某县某某乡2022年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）主动公开。通过某某县人民政府网站本年度主动公开政府信息52条。",
        "附注如下",
        "注：本报告数据截至2022年12月31日。",
        "二、主动公开政府信息情况",
        "（勾稽关系说明）\t\t申请人情况\t",
        "\t\t自然人\t总计",
        "三、本年度办理结果\t（一）予以公开\t2\t2",
        "\t（二）部分公开\t0\t0",
        "\t（七）总计\t2\t2",
        "分项\t说明：\n见下表",
        "（本报告由某某乡党政办公室编制）",
        "某某县某某乡人民政府",
    ]
)


def write_wps_docx(path: Path, document: str = DOCUMENT) -> Path:
    """Write the WPS-style package (``document`` replaces the main part) to ``path``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELATIONSHIPS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS)
        archive.writestr("word/styles.xml", STYLES)
        archive.writestr("word/numbering.xml", NUMBERING)
    return path
