"""The command line's arguments and options, declared once and shared by the commands that take them.

Each is an ``Annotated`` type (typer reads the declaration from it), so a command's
signature lists what it accepts and this module says what each accepts and means.
Every one names its value in help (``metavar``) rather than showing a Python type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Paths = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH", help="要检查的文件或目录（目录递归检查），默认当前目录；- 表示从标准输入读取 / Files or directories; - reads stdin."
    ),
]
BaselinePaths = Annotated[list[str] | None, typer.Argument(metavar="PATH", help="要记录的文件或目录")]
ParseFile = Annotated[Path, typer.Argument(metavar="FILE", help="要解析的报告文件")]
AnnotateFile = Annotated[Path, typer.Argument(metavar="FILE.docx", help="要加批注的 Word 报告（原文件不会被修改）")]
RuleCode = Annotated[str, typer.Argument(metavar="CODE", help="规则代码或名称，如 RL601 或 duplicated-word")]

OutputFormats = Annotated[
    list[str],
    typer.Option(
        "-f",
        "--output-format",
        metavar="FORMAT",
        help="输出格式：text、full、json、sarif、github、gitlab、html（审阅页面）、csv、xlsx（需 reportlint[xlsx]，须配 -o）；可多次给出，与 -o 按顺序配对",
    ),
]
OutputFiles = Annotated[
    list[Path],
    typer.Option(
        "-o",
        "--output-file",
        metavar="FILE",
        help="输出文件（与 -f 按顺序配对）；与 --fix 一起时，扩展名与所检查的 .docx/.html 相同的 -o 是修改后的副本",
    ),
]
BaselineOutput = Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", help="基线文件路径，如 .reportlint-baseline.json")]
BaselineReason = Annotated[
    str, typer.Option("--reason", metavar="TEXT", help="记录的问题的原因（reason），如“历史报告，不再修改”；已有原因的记录保留原来的原因")
]
BaselineShow = Annotated[Path | None, typer.Option("--show", metavar="FILE", help="列出基线文件中记录的问题及其原因（reason）")]
AnnotateOutput = Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", help="批注副本的路径（默认：原文件名加“.批注”）")]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="CODE", help="只启用这些规则（代码、前缀或名称，逗号分隔），如 RL3,RL601,duplicated-word"),
]
Ignore = Annotated[list[str] | None, typer.Option("--ignore", metavar="CODE", help="忽略这些规则（代码、前缀或名称）")]
ExtendSelect = Annotated[
    list[str] | None, typer.Option("--extend-select", metavar="CODE", help="在配置之外再启用这些规则（代码、前缀或名称）")
]
ConfigFile = Annotated[Path | None, typer.Option("--config", metavar="FILE", help="使用指定的配置文件（不再向上查找）")]
ListingConfigFile = Annotated[Path | None, typer.Option("--config", metavar="FILE", help="使用指定的配置文件（加载其中的规则包和插件）")]
Isolated = Annotated[bool, typer.Option("--isolated", help="忽略所有配置文件")]
Jobs = Annotated[int | None, typer.Option("-j", "--jobs", metavar="N", min=1, help="并行进程数（默认：CPU 核数）")]
FailOn = Annotated[str | None, typer.Option("--fail-on", metavar="LEVEL", help="达到该级别即以 1 退出：error、warning（默认）、info")]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="即使发现问题也以 0 退出")]
Baseline = Annotated[Path | None, typer.Option("--baseline", metavar="FILE", help="不报告基线文件中已记录的问题")]
Statistics = Annotated[bool, typer.Option("--statistics", help="按规则、按类别统计问题数量，并给出有错误的报告所占比例")]
Quiet = Annotated[bool, typer.Option("-q", "--quiet", help="只输出问题，不输出汇总；与 --statistics 同用时只输出统计")]
NoCache = Annotated[
    bool, typer.Option("--no-cache", envvar="REPORTLINT_NO_CACHE", help="不读也不写结果缓存（默认缓存在配置文件旁的 .reportlint_cache/）")
]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="REPORTLINT_CACHE_DIR",
        metavar="DIR",
        help="结果缓存的目录（默认：配置文件所在目录或当前目录下的 .reportlint_cache/）",
    ),
]
Timings = Annotated[bool, typer.Option("--timings", help="在标准错误输出上列出各阶段和每条规则的用时")]
NoProgress = Annotated[bool, typer.Option("--no-progress", help="不显示进度")]
FileTimeout = Annotated[
    float | None,
    typer.Option("--file-timeout", min=0, help="每个文件检查的时间上限（秒，默认 20，0 为不限；超时的文件报告 RL909，其余照常检查）"),
]
ShowFiles = Annotated[bool, typer.Option("--show-files", help="在标准错误上列出检查的文件和跳过的文件（及原因）")]
AllowEmpty = Annotated[bool, typer.Option("--allow-empty", help="没有找到任何报告时以 0 退出（默认给出警告并以 2 退出）")]
NoColor = Annotated[bool, typer.Option("--no-color", help="终端输出不用颜色（也可设置环境变量 NO_COLOR）")]
Fix = Annotated[bool, typer.Option("--fix", help="自动修改能安全修改的问题（.txt、.md 在原文件上修改；.docx、.html 用 -o 写出副本）")]
UnsafeFixes = Annotated[bool, typer.Option("--unsafe-fixes", help="与 --fix、--diff 一起：也应用需要人工确认的修改")]
Diff = Annotated[bool, typer.Option("--diff", help="只显示 --fix 会做的修改（统一差异格式），不写任何文件")]
Annotate = Annotated[Path | None, typer.Option("--annotate", metavar="DIR", help="为检查的每个 .docx 在该目录写一份带批注的副本")]
StdinFilename = Annotated[
    str | None, typer.Option("--stdin-filename", metavar="NAME", help="从标准输入（-）读取时使用的文件名：用于查找配置、判断格式和显示")
]
ForceExclude = Annotated[bool, typer.Option("--force-exclude", help="命令行直接给出的文件也按配置中的 exclude 跳过（pre-commit 钩子使用）")]
ShowSettings = Annotated[bool, typer.Option("--show-settings", help="显示对第一个路径生效的配置，然后退出")]
AsJson = Annotated[bool, typer.Option("--json", help="以 JSON 输出")]
RulesFormat = Annotated[str, typer.Option("--format", metavar="FORMAT", help="text 或 json")]
InitPath = Annotated[Path, typer.Option("--path", metavar="FILE", help="写到哪个文件")]
Force = Annotated[bool, typer.Option("--force", help="覆盖已有文件")]
Verbose = Annotated[bool, typer.Option("-v", "--verbose", help="逐个列出内置插件")]

# ----- the batch phase and ``compare`` (cross-document checks)
Previous = Annotated[
    list[Path] | None,
    typer.Option("--previous", metavar="DIR", help="上一年度报告所在的目录或文件：只用于跨年度比较（RL7），不报告其中的问题；可多次给出"),
]
CompareOld = Annotated[Path, typer.Argument(metavar="OLD", help="上一年度的报告")]
CompareNew = Annotated[Path, typer.Argument(metavar="NEW", help="本年度的报告")]
CompareFormat = Annotated[str, typer.Option("-f", "--output-format", metavar="FORMAT", help="输出格式：text（默认）、json、html")]
CompareOutput = Annotated[Path | None, typer.Option("-o", "--output-file", metavar="FILE", help="输出文件（默认输出到终端）")]
