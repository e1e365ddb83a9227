"""Hostile input files: each is checked next to a good report, in a real run.

For each case: the run completes (exit 1, never 2), the good report's findings
are all reported, the hostile file has its one clear finding (or its ordinary
findings, when it is only large), and the largest process stays within a
memory bound far below the 1 GiB budget.
"""

from __future__ import annotations

import os
import sys

import pytest
from tests.hostile import builders
from tests.hostile.conftest import assert_good_file_checked

#: The memory every case here stays under (the workers' budget is 1 GiB; the inputs' own limits keep far below it).
PEAK_MB = 400


def test_pdf_text_with_a_lone_surrogate(folder, run_check):
    (folder / "broken.pdf").write_bytes(builders.pdf_with_surrogate())
    for output in ("json", "sarif", "text"):
        run = run_check("-f", output, str(folder))
        assert run.returncode == 1, run.stderr
        run.stdout.encode("utf-8")  # every output encodes
    run = run_check("-f", "json", str(folder))
    assert_good_file_checked(run)
    assert not any(code.startswith("RL9") for code in run.codes("broken.pdf"))
    assert run.peak_mb < PEAK_MB


def test_enumeration_that_made_rl109_backtrack(folder, run_check):
    (folder / "enumeration.txt").write_text(builders.enumeration_bomb(12_000), encoding="utf-8")
    run = run_check("-f", "json", "--file-timeout", "10", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    assert not any(code.startswith("RL9") for code in run.codes("enumeration.txt"))
    assert run.peak_mb < PEAK_MB


@pytest.mark.parametrize("length", [100_000, 3_000_000])
def test_one_very_long_line(folder, run_check, length):
    (folder / "long-line.txt").write_text(builders.long_line(length), encoding="utf-8")
    run = run_check("-f", "json", "--file-timeout", "100", str(folder))  # several seconds of rules on 3 MB: not a test of the budget
    assert run.returncode == 1
    assert_good_file_checked(run)
    findings = run.findings("long-line.txt")
    codes = [finding["code"] for finding in findings]
    # the reader notes once that it read the report as text; RL606 stops at its cap with one note
    assert codes.count("RL912") == 1 and f"一行长达 {length}" in next(f["message"] for f in findings if f["code"] == "RL912")
    assert codes.count("RL606") == 200 and codes.count("RL914") >= 1
    assert run.peak_mb < PEAK_MB


def test_a_file_over_the_size_limit(folder, run_check):
    big = folder / "huge.txt"
    with big.open("wb") as handle:
        line = "本年度共办理政府信息公开申请。\n".encode()
        for _ in range(51 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    [finding] = run.findings("huge.txt")
    assert finding["code"] == "RL911" and "50 MB" in finding["message"]
    assert run.peak_mb < PEAK_MB


def test_the_size_limit_is_configurable(folder, run_check):
    (folder / "reportlint.toml").write_text('max-file-size = "4KB"\n', encoding="utf-8")
    run = run_check("-f", "json", str(folder))
    [finding] = run.findings("good.txt")
    assert finding["code"] == "RL911" and "4 KB" in finding["message"]


@pytest.mark.parametrize(("size", "understate"), [(250 * 1024 * 1024, False), (1024 * 1024 * 1024, True)])
def test_docx_whose_document_part_is_a_bomb(folder, run_check, size, understate):
    builders.docx_bomb(folder / "bomb.docx", size, understate=understate)
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    [finding] = run.findings("bomb.docx")
    assert finding["code"] in ("RL911", "RL904"), finding
    if not understate:
        assert finding["code"] == "RL911" and "document.xml" in finding["message"]
    assert run.peak_mb < PEAK_MB


def test_docx_numbering_that_starts_at_five_hundred_billion(folder, run_check):
    (folder / "numbering.docx").write_bytes(builders.numbering_bomb())
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    assert not any(code.startswith("RL9") for code in run.codes("numbering.docx"))
    assert run.peak_mb < PEAK_MB


def test_a_table_of_a_hundred_thousand_rows(folder, run_check):
    (folder / "table.txt").write_text(builders.huge_table(100_000), encoding="utf-8")
    run = run_check("-f", "json", "-j", "2", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    findings = run.findings("table.txt")
    limited = [finding for finding in findings if finding["code"] == "RL912"]
    assert len(limited) == 1 and "第三部分的表格区域有" in limited[0]["message"]
    assert run.peak_mb < PEAK_MB


def test_numbers_of_thousands_of_digits(folder, run_check):
    (folder / "digits.txt").write_text(builders.long_number(5_000), encoding="utf-8")
    (folder / "colspan.html").write_text(builders.html_colspan("9" * 5_000), encoding="utf-8")
    (folder / "superscript.html").write_text(builders.html_colspan("²"), encoding="utf-8")
    (folder / "attribute.docx").write_bytes(builders.docx_attribute("²"))
    (folder / "long-attribute.docx").write_bytes(builders.docx_attribute("9" * 5_000))
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    for name in ("digits.txt", "colspan.html", "superscript.html", "attribute.docx", "long-attribute.docx"):
        codes = run.codes(name)
        assert "RL907" not in codes and "RL904" not in codes, (name, codes)
    # the cell of 5,000 digits is a cell that holds no number, reported as such
    assert "RL205" in run.codes("digits.txt")


def test_symlink_loops_and_dangling_links_in_a_walked_folder(folder, run_check):
    os.symlink("self.txt", folder / "self.txt")
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")
    os.symlink("missing-target.txt", folder / "dangling.txt")
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    for name in ("self.txt", "a.txt", "b.txt"):
        [finding] = run.findings(name)
        assert finding["code"] == "RL901" and "循环" in finding["message"]
    [dangling] = run.findings("dangling.txt")  # under its own name, not its target's
    assert dangling["code"] == "RL901" and "missing-target.txt" in dangling["message"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_file_names_that_are_not_utf8(folder, run_check, sarif_schema):
    import jsonschema

    name = b"bad-\xff\xfe.txt"
    with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
        handle.write(builders.good_report().encode("utf-8"))
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    paths = [item["path"] for item in run.payload["files"]]
    assert any(path.endswith("bad-\\xff\\xfe.txt") for path in paths), paths
    assert "RL301" in run.codes("bad-\\xff\\xfe.txt")
    sarif = run_check("-f", "sarif", str(folder))
    assert sarif.returncode == 1
    payload = sarif.payload
    jsonschema.validate(payload, sarif_schema)
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in payload["runs"][0]["results"]}
    assert any(uri.endswith("bad-%FF%FE.txt") for uri in uris), uris
    text = run_check(str(folder))
    assert "bad-\\xff\\xfe.txt:" in text.stdout


def test_output_to_a_full_device(folder, run_check):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        run = run_check("-f", "json", str(folder), stdout=full)
    assert run.returncode == 2
    assert "无法写入标准输出" in run.stderr and "Traceback" not in run.stderr


def test_empty_and_blank_files(folder, run_check):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    [empty] = run.findings("empty.txt")
    [blank] = run.findings("blank.md")
    assert (empty["code"], empty["severity"]) == ("RL906", "error") and "空" in empty["message"]
    assert blank["code"] == "RL906" and "空白" in blank["message"]


def test_unsupported_formats_found_by_a_walk_and_other_files_listed(folder, run_check):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    (folder / "old.doc").write_bytes(ole)
    (folder / "wps.wps").write_bytes(ole)
    (folder / "sheet.xls").write_bytes(ole)
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    run = run_check("-f", "json", "--show-files", str(folder))
    assert run.returncode == 1
    assert "另存为 .docx" in run.findings("old.doc")[0]["message"]
    assert "WPS" in run.findings("wps.wps")[0]["message"]
    assert "表格" in run.findings("sheet.xls")[0]["message"]
    assert "图片" in run.findings("scan.png")[0]["message"]
    assert "跳过：" in run.stderr and "notes.csv（不是报告文件格式（.csv））" in run.stderr
    summary = run_check(str(folder)).stdout.splitlines()[-1]
    assert summary.startswith("检查了 5 个文件（4 个无法读取），跳过 1 个文件（--show-files 可列出）"), summary


def test_a_folder_without_reports(tmp_path, run_check):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("x", encoding="utf-8")
    run = run_check(str(tmp_path / "empty"))
    assert run.returncode == 2 and "没有找到任何报告文件" in run.stderr
    assert run_check("--allow-empty", str(tmp_path / "empty")).returncode == 0


def test_a_directory_that_cannot_be_read(folder, monkeypatch):
    # Root reads every directory, so the refusal is simulated where the walk lists a directory.
    from reportlint.run.options import RunOptions
    from reportlint.run.runner import lint_paths

    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_text(builders.good_report(), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = lint_paths([str(folder)], RunOptions(jobs=1))
    by_path = {result.path.rsplit("/", 1)[-1]: result for result in run.files}
    [finding] = by_path["locked"].diagnostics
    assert finding.code == "RL901" and "没有权限读取这个目录" in finding.message
    assert {"RL114", "RL301"} <= {diagnostic.code for diagnostic in by_path["good.txt"].diagnostics}


def test_outputs_are_identical_across_runs_and_jobs(folder, run_check):
    (folder / "enumeration.txt").write_text(builders.enumeration_bomb(3_000), encoding="utf-8")
    (folder / "digits.txt").write_text(builders.long_number(5_000), encoding="utf-8")
    (folder / "numbering.docx").write_bytes(builders.numbering_bomb())
    (folder / "broken.pdf").write_bytes(builders.pdf_with_surrogate())
    (folder / "empty.txt").write_bytes(b"")
    for index in range(8):
        (folder / f"copy{index}.txt").write_text(builders.good_report(), encoding="utf-8")
    outputs = {run_check("-f", "json", "-j", jobs, str(folder)).stdout for jobs in ("1", "2", "2")}
    assert len(outputs) == 1
