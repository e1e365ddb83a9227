"""Patterns built from kept programs are the patterns ``re.compile`` makes; a missing or damaged store means compiling afresh."""

from __future__ import annotations

import marshal
import re
import textwrap

import pytest

from reportlint import usercache
from reportlint.usercache import patterns

HAN_BESIDE_PUNCTUATION = r"(?<=[㐀-䶿一-鿿])[，；：](?P<after>[一-鿿“《（])"


@pytest.fixture
def store(cache_dir):
    """The folder of the regex programs, and a process that has read nothing from it yet."""
    patterns.PROGRAMS.reload()
    yield cache_dir / "patterns"
    patterns.PROGRAMS.reload()


def _next_process() -> None:
    """What a new run sees: what this process kept, written as at exit and read again."""
    patterns.PROGRAMS.save()
    patterns.PROGRAMS.reload()


def _compiled_here() -> set:
    """The keys this process compiled rather than took from the store."""
    return set(patterns.PROGRAMS._new)


def test_a_kept_program_builds_the_pattern_re_compile_makes(store):
    first = patterns.compiled(HAN_BESIDE_PUNCTUATION)
    _next_process()
    [kept_file] = store.iterdir()
    assert (HAN_BESIDE_PUNCTUATION, 0) in marshal.loads(kept_file.read_bytes())
    again = patterns.compiled(HAN_BESIDE_PUNCTUATION)
    assert not _compiled_here()  # built from the file, not compiled
    # Pattern equality compares the flags and the whole program, not just the source.
    assert again == first == re.compile(HAN_BESIDE_PUNCTUATION)
    match = again.search("收到申请，“依申请公开”")
    assert match is not None and match.group("after") == "“"


def test_flags_and_bytes_sources_are_kept_apart(store):
    patterns.compiled(r"<html[\s>]", re.IGNORECASE)
    patterns.compiled(rb"<html[\s>]", re.IGNORECASE)
    patterns.compiled(r"<html[\s>]")
    _next_process()
    assert patterns.compiled(rb"<html[\s>]", re.IGNORECASE).search(b"<HTML>")
    assert patterns.compiled(r"<html[\s>]", re.IGNORECASE).search("<HTML>")
    assert patterns.compiled(r"<html[\s>]").search("<HTML>") is None
    assert not _compiled_here()


def test_a_damaged_file_is_ignored_and_rewritten(store):
    patterns.compiled(HAN_BESIDE_PUNCTUATION)
    _next_process()
    [kept_file] = store.iterdir()
    kept_file.write_bytes(b"\x00not marshal")
    assert patterns.compiled(HAN_BESIDE_PUNCTUATION) == re.compile(HAN_BESIDE_PUNCTUATION)
    _next_process()
    assert (HAN_BESIDE_PUNCTUATION, 0) in marshal.loads(kept_file.read_bytes())


def test_a_program_the_engine_refuses_is_compiled_afresh(store):
    patterns.compiled(HAN_BESIDE_PUNCTUATION)
    _next_process()
    [kept_file] = store.iterdir()
    kept = marshal.loads(kept_file.read_bytes())
    flags, code, groups, groupindex, indexgroup = kept[(HAN_BESIDE_PUNCTUATION, 0)]
    kept[(HAN_BESIDE_PUNCTUATION, 0)] = (flags, [999, *code[1:]], groups, groupindex, indexgroup)
    kept_file.write_bytes(marshal.dumps(kept))
    assert patterns.compiled(HAN_BESIDE_PUNCTUATION) == re.compile(HAN_BESIDE_PUNCTUATION)
    assert (HAN_BESIDE_PUNCTUATION, 0) in _compiled_here()


def test_an_invalid_source_raises_as_re_does(store):
    with pytest.raises(re.error, match="missing \\)"):
        patterns.compiled("(未闭合")


def test_with_the_user_cache_off_nothing_is_written(store, monkeypatch):
    monkeypatch.setenv(usercache.USER_CACHE_ENV, "off")
    usercache.user_cache_dir.cache_clear()
    assert patterns.compiled(HAN_BESIDE_PUNCTUATION) == re.compile(HAN_BESIDE_PUNCTUATION)
    patterns.PROGRAMS.save()
    assert not store.exists()


def test_every_module_pattern_equals_what_re_compiles(store):
    """reportlint's own patterns, built at import from this machine's kept programs, are re's (program and flags)."""
    import sys

    import reportlint.cli.app  # noqa: F401 (imports the check command's modules and their patterns)

    found = [
        (name, value)
        for name, module in list(sys.modules.items())
        if name.startswith("reportlint.")
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ]
    assert len(found) > 80
    for name, pattern in found:
        assert pattern == re.compile(pattern.pattern, pattern.flags), f"{name}: {pattern.pattern!r}"


WORKER_PLUGIN = textwrap.dedent('''
    from reportlint import Rule, hookimpl
    from reportlint.usercache.patterns import compiled


    class FirstUsedInAWorker(Rule):
        """Compiles a pattern the first time it checks a report (test).

        反例：

            （任意）

        正例：

            （任意）
        """

        code = "GS901"
        name = "pattern-first-used-in-a-worker"
        severity = "info"

        def check(self, report):
            compiled("只在检查进程中编译的模式[一-鿿]")
            return []


    @hookimpl
    def reportlint_rules():
        return [FirstUsedInAWorker]
''')


def test_what_a_worker_compiled_is_kept_for_the_next_run(store, tmp_path):
    """Workers end without exit handlers: they save what they compiled when they stop."""
    from reportlint.run import registry
    from reportlint.run.options import RunOptions
    from reportlint.run.runner import lint_paths

    (tmp_path / "worker_patterns.py").write_text(WORKER_PLUGIN, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["worker_patterns.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("兴国镇人民政府2023年政府信息公开工作年度报告\n", encoding="utf-8")
    registry._REGISTRIES.clear()
    try:
        run = lint_paths([str(tmp_path / "a.txt")], RunOptions(config_file=str(tmp_path / "reportlint.toml"), select=("GS901",)))
    finally:
        registry._REGISTRIES.clear()
    assert not run.diagnostics
    assert ("只在检查进程中编译的模式[一-鿿]", 0) not in _compiled_here(), "compiled in the worker, not here"
    patterns.PROGRAMS.reload()
    assert patterns.PROGRAMS.get(("只在检查进程中编译的模式[一-鿿]", 0)) is not None
