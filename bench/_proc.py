"""What a process tree costs, read from /proc (Linux): memory, CPU time, context switches.

A `Window` samples a tree at its start, every second in between and at its end, so that
threads and child processes that come and go inside it are counted too (a child that lives
less than a second is seen only through its parent's cutime/cstime: its CPU time counts,
its switches do not).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class ThreadSample:
    tid: int
    name: str
    voluntary: int
    involuntary: int
    cpu_ticks: int  # utime + stime of this thread
    run_ns: int  # time on a CPU from the scheduler's own count (schedstat): finer than ticks


@dataclass(frozen=True)
class ProcessSample:
    pid: int
    started: int  # start time in ticks since boot: tells a reused pid from the old one
    name: str
    rss_kb: int
    own_ticks: int  # utime + stime of all its threads, living or gone
    children_ticks: int  # cutime + cstime: children that exited and were waited for
    threads: tuple[ThreadSample, ...]

    @property
    def key(self) -> tuple[int, int]:
        return (self.pid, self.started)


@dataclass(frozen=True)
class TreeSample:
    at: float  # time.monotonic()
    processes: tuple[ProcessSample, ...]

    @property
    def rss_kb(self) -> int:
        return sum(p.rss_kb for p in self.processes)

    @property
    def cpu_ticks(self) -> int:
        return sum(p.own_ticks + p.children_ticks for p in self.processes)


def tree_pids(root: int) -> list[int]:
    """The root and all its descendants, from /proc/<pid>/task/<tid>/children."""
    found: list[int] = []
    pending = [root]
    while pending:
        pid = pending.pop()
        if pid in found:
            continue
        found.append(pid)
        for children in (PROC / str(pid) / "task").glob("*/children"):
            try:
                pending += [int(child) for child in children.read_text().split()]
            except OSError:
                continue  # the thread or process just went away
    return found


def sample_tree(root: int) -> TreeSample:
    processes = [p for p in (_process(pid) for pid in tree_pids(root)) if p is not None]
    return TreeSample(time.monotonic(), tuple(processes))


def pss_kb(pids: Iterable[int]) -> int:
    """Proportional set size: shared pages divided among the processes that map them."""
    total = 0
    for pid in pids:
        try:
            rollup = (PROC / str(pid) / "smaps_rollup").read_text()
        except OSError:
            continue
        total += _field_kb(rollup, "Pss:")
    return total


@dataclass
class ThreadCost:
    """One thread's share of a window (`process` names the process it belongs to)."""

    process: str
    pid: int
    tid: int
    name: str
    voluntary: int = 0
    involuntary: int = 0
    cpu_ticks: int = 0
    run_ns: int = 0


@dataclass
class Window:
    """Costs of a process tree between `begin` and `end`, sampled in between."""

    root: int
    first: TreeSample | None = None
    last: TreeSample | None = None
    processes_seen: set[tuple[int, int]] = field(default_factory=set)
    _baseline: dict[tuple[int, int, int], ThreadSample] = field(default_factory=dict)
    _latest: dict[tuple[int, int, int], tuple[str, ThreadSample]] = field(default_factory=dict)

    def begin(self) -> None:
        self.first = self.sample()
        for process in self.first.processes:
            for thread in process.threads:
                self._baseline[(*process.key, thread.tid)] = thread

    def sample(self) -> TreeSample:
        tree = sample_tree(self.root)
        for process in tree.processes:
            self.processes_seen.add(process.key)
            for thread in process.threads:
                self._latest[(*process.key, thread.tid)] = (process.name, thread)
        self.last = tree
        return tree

    def end(self) -> TreeSample:
        return self.sample()

    @property
    def seconds(self) -> float:
        assert self.first is not None and self.last is not None
        return self.last.at - self.first.at

    @property
    def cpu_seconds(self) -> float:
        assert self.first is not None and self.last is not None
        return (self.last.cpu_ticks - self.first.cpu_ticks) / TICKS_PER_SECOND

    @property
    def children_cpu_seconds(self) -> float:
        """CPU time of children that exited and were waited for inside the window."""
        assert self.first is not None and self.last is not None
        before = sum(p.children_ticks for p in self.first.processes)
        after = sum(p.children_ticks for p in self.last.processes)
        return (after - before) / TICKS_PER_SECOND

    @property
    def rss_kb(self) -> int:
        assert self.last is not None
        return self.last.rss_kb

    def threads(self) -> list[ThreadCost]:
        """Every thread seen, with what it did inside the window (new ones from zero)."""
        costs = []
        for key, (process, thread) in self._latest.items():
            before = self._baseline.get(key)
            costs.append(
                ThreadCost(
                    process,
                    key[0],
                    key[2],
                    thread.name,
                    thread.voluntary - (before.voluntary if before else 0),
                    thread.involuntary - (before.involuntary if before else 0),
                    thread.cpu_ticks - (before.cpu_ticks if before else 0),
                    thread.run_ns - (before.run_ns if before else 0),
                )
            )
        return sorted(costs, key=lambda cost: (-cost.voluntary, cost.pid, cost.tid))

    @property
    def voluntary_switches(self) -> int:
        return sum(cost.voluntary for cost in self.threads())

    @property
    def run_seconds(self) -> float:
        """Time on a CPU of the threads seen (children that lived between samples are
        missed here, unlike in `cpu_seconds`)."""
        return sum(cost.run_ns for cost in self.threads()) / 1e9

    @property
    def new_processes(self) -> int:
        """Processes of the tree that started inside the window (and lived to be sampled)."""
        assert self.first is not None
        return len(self.processes_seen - {p.key for p in self.first.processes})


def _process(pid: int) -> ProcessSample | None:
    base = PROC / str(pid)
    try:
        stat = _stat_fields((base / "stat").read_text())
        status = (base / "status").read_text()
        threads = [t for t in (_thread(path) for path in (base / "task").iterdir()) if t]
    except OSError:
        return None  # it exited between listing and reading
    return ProcessSample(
        pid=pid,
        started=int(stat[20]),
        name=stat[0],
        rss_kb=_field_kb(status, "VmRSS:"),
        own_ticks=int(stat[12]) + int(stat[13]),
        children_ticks=int(stat[14]) + int(stat[15]),
        threads=tuple(threads),
    )


def _thread(path: Path) -> ThreadSample | None:
    try:
        stat = _stat_fields((path / "stat").read_text())
        status = (path / "status").read_text()
        schedstat = (path / "schedstat").read_text().split()
    except OSError:
        return None
    return ThreadSample(
        tid=int(path.name),
        name=stat[0],
        voluntary=_field_int(status, "voluntary_ctxt_switches:"),
        involuntary=_field_int(status, "nonvoluntary_ctxt_switches:"),
        cpu_ticks=int(stat[12]) + int(stat[13]),
        run_ns=int(schedstat[0]) if schedstat else 0,
    )


def _stat_fields(stat: str) -> list[str]:
    """Fields of /proc/<pid>/stat after the pid: [comm, state, ppid, ...] (proc(5) field n
    is at index n - 2). The name sits in parentheses and may hold spaces and ')'."""
    opening, closing = stat.index("("), stat.rindex(")")
    return [stat[opening + 1 : closing], *stat[closing + 2 :].split()]


def _field_int(status: str, name: str) -> int:
    for line in status.splitlines():
        if line.startswith(name):
            return int(line.split()[1])
    return 0


def _field_kb(text: str, name: str) -> int:
    return _field_int(text, name)  # the value is in kB; kernel threads have no VmRSS line
