"""The command line's arguments and options, declared once and shared by the commands that take them.

Each is an ``Annotated`` type (typer reads the declaration from it), so a command's
signature lists what it accepts and this module says what each accepts and means.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Paths = Annotated[list[str] | None, typer.Argument(help="要检查的文件或目录（目录递归检查），默认当前目录 / Files or directories.")]
BaselinePaths = Annotated[list[str] | None, typer.Argument(help="要记录的文件或目录")]
ParseFile = Annotated[Path, typer.Argument(help="要解析的报告文件")]
RuleCode = Annotated[str, typer.Argument(help="规则代码，如 RL601")]

OutputFormats = Annotated[
    list[str],
    typer.Option(
        "-f",
        "--output-format",
        help="输出格式：text、full、json、sarif、github、html（审阅页面）、csv、xlsx（需 reportlint[xlsx]，须配 -o）；可多次给出，与 -o 按顺序配对",
    ),
]
OutputFiles = Annotated[list[Path], typer.Option("-o", "--output-file", help="输出文件（与 -f 按顺序配对）")]
BaselineOutput = Annotated[Path, typer.Option("-o", "--output", help="基线文件路径，如 .reportlint-baseline.json")]
Select = Annotated[list[str] | None, typer.Option("--select", help="只启用这些规则代码或前缀（逗号分隔），如 RL3,RL601")]
Ignore = Annotated[list[str] | None, typer.Option("--ignore", help="忽略这些规则代码或前缀")]
ExtendSelect = Annotated[list[str] | None, typer.Option("--extend-select", help="在配置之外再启用这些规则")]
ConfigFile = Annotated[Path | None, typer.Option("--config", help="使用指定的配置文件（不再向上查找）")]
ListingConfigFile = Annotated[Path | None, typer.Option("--config", help="使用指定的配置文件（加载其中的规则包和插件）")]
Isolated = Annotated[bool, typer.Option("--isolated", help="忽略所有配置文件")]
Jobs = Annotated[int | None, typer.Option("-j", "--jobs", min=1, help="并行进程数（默认：CPU 核数）")]
FailOn = Annotated[str | None, typer.Option("--fail-on", help="达到该级别即以 1 退出：error、warning（默认）、info")]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="即使发现问题也以 0 退出")]
Baseline = Annotated[Path | None, typer.Option("--baseline", help="不报告基线文件中已记录的问题")]
Statistics = Annotated[bool, typer.Option("--statistics", help="按规则、按类别统计问题数量，并给出有错误的报告所占比例")]
Quiet = Annotated[bool, typer.Option("-q", "--quiet", help="只输出问题，不输出汇总；与 --statistics 同用时只输出统计")]
NoProgress = Annotated[bool, typer.Option("--no-progress", help="不显示进度")]
FileTimeout = Annotated[
    float | None,
    typer.Option("--file-timeout", min=0, help="每个文件检查的时间上限（秒，默认 20，0 为不限；超时的文件报告 RL909，其余照常检查）"),
]
ShowFiles = Annotated[bool, typer.Option("--show-files", help="在标准错误上列出检查的文件和跳过的文件（及原因）")]
AllowEmpty = Annotated[bool, typer.Option("--allow-empty", help="没有找到任何报告时以 0 退出（默认给出警告并以 2 退出）")]
AsJson = Annotated[bool, typer.Option("--json", help="以 JSON 输出")]
RulesFormat = Annotated[str, typer.Option("--format", help="text 或 json")]
InitPath = Annotated[Path, typer.Option("--path", help="写到哪个文件")]
Force = Annotated[bool, typer.Option("--force", help="覆盖已有文件")]
