"""Supervised worker processes: every file checked in a child process, under a time and a memory budget.

The supervisor (the main process) starts ``jobs`` workers and hands each a few
files at a time; a worker checks them in order and streams the results back in
batches. Each worker limits its own address space (``max-memory``, with
``resource``) and records, in a small block of memory shared with the
supervisor, which file it is on, since when, and at which stage
(:mod:`reportlint.run.stages`). The supervisor

* stops a worker whose file has run past ``file-timeout`` (SIGKILL): that file
  gets one RL909 finding naming the stage and, for a rule, the rule;
* notices a worker that died (a crash in a parsing library, a plugin calling
  ``os._exit``): that file gets one RL915 finding, naming the stage;
* in both cases starts a fresh worker and hands it the dead worker's other
  files, so the run goes on; a worker that ran out of memory reports its file's
  RL910 itself and is replaced the same way.

Workers ignore Ctrl-C: the supervisor stops them and the run at once. Their
standard output and error go to a private file, so nothing a rule or a library
prints can corrupt ``-f json`` on stdout; what appears there while a file is
checked becomes an RL913 info finding of that file. Results come back in any
order; :class:`WorkerPool` gives each with its index in the input.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from reportlint.run.limits import Limits, apply_memory_limit
from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.results import FileResult
from reportlint.run.stages import BLOCK_SIZE, SharedStages, describe, mark_idle, read_shared
from reportlint.usercache import save_interpreter_stores

#: Files handed to a worker at once (fewer when the run is small, so work spreads evenly).
MAX_CHUNK = 16
#: A worker sends what it has at least this often (seconds), even in the middle of a chunk.
FLUSH_INTERVAL = 0.05
#: How long the supervisor waits for a stopping worker before killing it (seconds).
STOP_GRACE = 2.0
#: The most characters of a worker's terminal output shown in an RL913 finding.
MAX_SHOWN_OUTPUT = 300
#: A worker's net allocations of container objects between two collections of its youngest objects (Python's: 700).
YOUNG_THRESHOLD = 10_000


@dataclass(frozen=True)
class Task:
    """One file to check: its index in the run's order, its path (as the filesystem names it) and its display path.

    A ``reference`` file (last year's report of ``--previous``) is only summarised for the batch phase.
    """

    index: int
    path: str
    display: str
    reference: bool = False


#: Makes the result of a file whose worker was stopped or died: ``fail(task, code, message)``.
Fail = Callable[[Task, str, str], FileResult]

# The supervisor's linter, inherited by forked workers (configs, plugins and rule sets already loaded).
_INHERITED: Linter | None = None


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _worker_main(connection: Connection, block: Any, options: RunOptions, limits: Limits) -> None:
    """A worker's life: limits, a private terminal, then chunks of files until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_less_often()
    terminal = _private_terminal()
    apply_memory_limit(limits.max_memory)
    view = memoryview(block).cast("B")
    stages = SharedStages(view)
    if _INHERITED is not None:
        linter = _INHERITED
        linter.limits, linter.stages = limits, stages
    else:
        linter = Linter(options, limits, stages)
    seen = os.fstat(terminal).st_size if terminal is not None else 0
    batch: list[tuple[int, FileResult]] = []
    last_flush = time.monotonic()
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        for index, path, display, reference in message:
            stages.begin(index)
            result = (linter.summarize_path if reference else linter.lint_path)(Path(path), display)
            exhausted = any(diagnostic.code == "RL910" for diagnostic in result.diagnostics)
            if terminal is not None:
                size = os.fstat(terminal).st_size
                if size > seen:
                    result = _with_terminal_output(linter, Path(path), result, os.pread(terminal, MAX_SHOWN_OUTPUT, seen), size - seen)
                    seen = size
            mark_idle(view)
            batch.append((index, result))
            if exhausted or time.monotonic() - last_flush >= FLUSH_INTERVAL:
                _send(connection, linter, batch)
                batch, last_flush = [], time.monotonic()
            if exhausted:  # the heap may stay bloated: a fresh worker takes over
                connection.close()
                os._exit(0)
        if batch:
            _send(connection, linter, batch)
            batch, last_flush = [], time.monotonic()
    connection.close()
    # What this worker compiled first (patterns used while checking) is kept for the next run.
    save_interpreter_stores()


def _send(connection: Connection, linter: Linter, batch: list[tuple[int, FileResult]]) -> None:
    """Send results to the supervisor, their cache entries written first (so a result the supervisor has is stored)."""
    if linter.cache is not None:
        linter.cache.flush()
    connection.send(batch)


def collect_less_often() -> None:
    """Make this worker collect garbage less often than Python's default, and never what it inherited.

    Checking one report makes hundreds of thousands of short-lived objects and
    almost no reference cycles, so nearly every collection of the youngest objects
    walked them and found nothing to free: 6–8 % of the CPU of a batch
    (``bench/bench_speed.py``). A worker collects them every
    :data:`YOUNG_THRESHOLD` allocations instead (a threshold already set higher,
    or a collector turned off, is kept); objects still go as soon as nothing
    refers to them. What it inherited from the supervisor (modules, rule sets,
    templates, the gazetteer) lives as long as the worker: frozen, it is never
    walked, nor its shared memory pages written (and copied) by the collector.

    Only workers: the supervisor holds every file's results until the end, and
    collecting its cycles less often cost memory (about 50 MB more at 10,000
    reports); a library call checking files in its caller's process leaves the
    caller's collector alone.
    """
    gc.freeze()
    young, middle, old = gc.get_threshold()
    if young:
        gc.set_threshold(max(young, YOUNG_THRESHOLD), middle, old)


def _private_terminal() -> int | None:
    """Point this process's stdout and stderr at a private file; its descriptor (None when debugging)."""
    if os.environ.get("REPORTLINT_DEBUG") or not hasattr(os, "pread"):
        return None
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    with tempfile.TemporaryFile() as private:
        descriptor = os.dup(private.fileno())
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    return descriptor


def _with_terminal_output(linter: Linter, path: Path, result: FileResult, shown: bytes, total: int) -> FileResult:
    """The result with an RL913 finding for what appeared on the terminal while the file was checked."""
    from reportlint.run.linter import _internal

    config = linter.resolver.config_for(path)
    registry = linter.rule_set(config).registry
    text = " ".join(shown.decode("utf-8", "replace").split())
    more = "……" if total > len(shown) else ""
    finding = _internal(registry, "RL913", f"检查这个文件时有程序直接向终端输出了 {total} 个字节（已截获）：{text}{more}")
    located = linter.finish(result.path, path, config, None, [finding])
    return replace(result, diagnostics=(*result.diagnostics, *located.diagnostics), excerpts=(*result.excerpts, *located.excerpts))


@dataclass
class _Worker:
    """The supervisor's handle on one worker: process, pipe, shared stage block and the files it holds."""

    process: Any
    connection: Connection
    block: Any
    held: deque[Task] = field(default_factory=deque)
    killed_for_timeout: bool = False


class WorkerPool:
    """Checks files in ``jobs`` supervised workers; :meth:`run` yields ``(index, result)`` as results arrive.

    ``fail(task, code, message)`` builds the result of a file whose worker had
    to be stopped or died (the supervisor's own linter does it, so the finding
    is filtered and located like any other).
    """

    def __init__(self, linter: Linter, jobs: int, fail: Fail) -> None:
        self.linter = linter
        self.limits = linter.limits
        self.jobs = max(1, jobs)
        self.fail = fail
        self._context = _context()
        self._workers: list[_Worker] = []

    def run(self, tasks: Sequence[Task]) -> Iterator[tuple[int, FileResult]]:
        """Check every task; results come in the order they finish."""
        queue = deque(tasks)
        if not queue:
            return
        remaining = len(tasks)
        try:
            for _ in range(min(self.jobs, len(tasks))):
                self._workers.append(self._start())
            while remaining:
                for worker in self._workers:
                    self._feed(worker, queue, self._chunk(len(queue)))
                arrived = [*self._collect(), *self._replace_dead(queue)]
                remaining -= len(arrived)
                yield from arrived
        except BaseException:
            self.abort()
            raise
        finally:
            self._stop_all()

    # ---------------------------------------------------------------- workers

    def _start(self) -> _Worker:
        global _INHERITED  # noqa: PLW0603 (handed to forked children, never used in the supervisor)
        block = self._context.RawArray("B", BLOCK_SIZE)
        mark_idle(memoryview(block).cast("B"))
        ours, theirs = self._context.Pipe(duplex=True)
        forking = self._context.get_start_method() == "fork"
        _INHERITED = self.linter if forking else None
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        process = self._context.Process(
            target=_worker_main, args=(theirs, block, self.linter.options, self.limits), daemon=True, name="reportlint-worker"
        )
        try:
            process.start()
        finally:
            _INHERITED = None
        theirs.close()
        return _Worker(process, ours, block)

    def _chunk(self, waiting: int) -> int:
        """How many files to hand a worker at once while ``waiting`` files wait: at most :data:`MAX_CHUNK`, fewer as
        the queue empties, so that when it is empty each worker holds only a few files and all finish together
        (a worker still holding two full chunks then would work alone for a tenth of a second or more)."""
        return max(1, min(MAX_CHUNK, waiting // (self.jobs * 4)))

    def _feed(self, worker: _Worker, queue: deque[Task], chunk: int) -> None:
        """Keep up to two chunks with each worker, so it never waits for the next."""
        while queue and len(worker.held) < 2 * chunk:
            tasks = [queue.popleft() for _ in range(min(chunk, len(queue)))]
            worker.held.extend(tasks)
            try:
                worker.connection.send([(task.index, task.path, task.display, task.reference) for task in tasks])
            except (OSError, ValueError):  # the worker is gone: its tasks are handed on when its death is noticed
                return

    def _collect(self) -> Iterator[tuple[int, FileResult]]:
        """Wait for results (or a death, or the next deadline) and yield what arrived."""
        live = [worker for worker in self._workers if not worker.connection.closed]
        connections = {worker.connection: worker for worker in live}
        sentinels = {worker.process.sentinel: worker for worker in live}
        ready = wait([*connections, *sentinels], timeout=self._wait_time())
        for item in ready:
            worker = connections.get(item)  # type: ignore[call-overload]
            if worker is None:
                continue
            try:  # one message: another already in the pipe makes the next wait return at once
                arrived = self._message(worker)
            except (EOFError, OSError):
                continue  # the worker died: noticed by _replace_dead
            yield from arrived
        self._enforce_timeouts()

    def _receive(self, worker: _Worker) -> list[tuple[int, FileResult]]:
        """The results of every message waiting in a worker's pipe (one that has ended)."""
        arrived: list[tuple[int, FileResult]] = []
        try:
            while worker.connection.poll():
                arrived.extend(self._message(worker))
        except (EOFError, OSError):
            pass  # all it sent has been read
        return arrived

    def _message(self, worker: _Worker) -> list[tuple[int, FileResult]]:
        """The results of the worker's next message (raises :class:`EOFError` or :class:`OSError` when its pipe is closed)."""
        arrived = worker.connection.recv()
        for index, _ in arrived:
            self._release(worker, index)
        return arrived

    @staticmethod
    def _release(worker: _Worker, index: int) -> None:
        for position, task in enumerate(worker.held):
            if task.index == index:
                del worker.held[position]
                return

    def _wait_time(self) -> float | None:
        timeout = self.limits.file_timeout
        if timeout is None:
            return None
        now = time.monotonic()
        deadlines = []
        for worker in self._workers:
            index, started, _, _ = read_shared(memoryview(worker.block).cast("B"))
            if index >= 0:
                deadlines.append(started + timeout - now)
        return min(0.5, max(0.01, min(deadlines, default=0.5)))

    def _enforce_timeouts(self) -> None:
        timeout = self.limits.file_timeout
        if timeout is None:
            return
        now = time.monotonic()
        for worker in self._workers:
            index, started, _, _ = read_shared(memoryview(worker.block).cast("B"))
            if index >= 0 and now - started > timeout and worker.process.is_alive():
                worker.killed_for_timeout = True
                worker.process.kill()

    def _replace_dead(self, queue: deque[Task]) -> list[tuple[int, FileResult]]:
        """Give each dead worker's current file its finding, hand its other files on, start a fresh worker."""
        pending_results: list[tuple[int, FileResult]] = []
        for position, worker in enumerate(self._workers):
            if worker.process.is_alive() or worker.connection.closed:
                continue
            pending_results.extend(self._receive(worker))  # results sent just before it ended
            worker.process.join()
            index, _, stage, label = read_shared(memoryview(worker.block).cast("B"))
            mark_idle(memoryview(worker.block).cast("B"))
            blamed = next((task for task in worker.held if task.index == index), None)
            if blamed is None and worker.held and not (worker.process.exitcode == 0 and not worker.killed_for_timeout):
                blamed = worker.held[0]  # died between files: the next file takes the blame, so the run always moves on
            if blamed is not None:
                worker.held.remove(blamed)
                pending_results.append((blamed.index, self._failure(worker, blamed, describe(stage, label))))
            queue.extendleft(reversed(worker.held))
            worker.connection.close()
            self._workers[position] = self._start() if queue else worker
        return pending_results

    def _failure(self, worker: _Worker, task: Task, stage: str) -> FileResult:
        if worker.killed_for_timeout:
            timeout = self.limits.file_timeout or 0
            message = f"检查这个文件超过了 {timeout:g} 秒（配置项 file-timeout 或 --file-timeout），在“{stage}”阶段被停止；其他文件照常检查"
            return self.fail(task, "RL909", message)
        code = worker.process.exitcode
        if code is not None and code < 0:
            try:
                cause = f"被信号 {signal.Signals(-code).name} 终止"
            except ValueError:
                cause = f"被信号 {-code} 终止"
        else:
            cause = f"意外退出（退出码 {code}）"
        return self.fail(task, "RL915", f"检查这个文件的进程{cause}，发生在“{stage}”阶段；其他文件照常检查")

    def _stop_all(self) -> None:
        for worker in self._workers:
            if worker.process.is_alive() and not worker.connection.closed:
                with contextlib.suppress(OSError, ValueError):
                    worker.connection.send(None)
        deadline = time.monotonic() + STOP_GRACE
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self._workers = []

    def abort(self) -> None:
        """Kill every worker at once (Ctrl-C)."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            worker.process.join()
            worker.connection.close()
        self._workers = []
