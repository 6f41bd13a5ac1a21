"""What Shiftwell costs while idle, against the break apps people run instead.

One desktop for all (Xvfb, trayer as the tray host, dunst for notifications, a private
session bus and a private system bus); each app in turn starts in it with a fresh HOME and
XDG dirs, settles (`--settle`, 10 s), and then its whole process tree is measured from /proc
over a window of idle (`--seconds`, 60 s):

- RSS MB: VmRSS of every process of the tree, summed, at the end of the window (PSS MB
  beside it divides shared pages among the processes that map them);
- CPU s: utime + stime of every process, plus cutime + cstime (children that exited), over
  the window;
- switches: voluntary context switches of every thread (/proc/<pid>/task/*/status) over the
  window: how often the app went to sleep, roughly how often something woke it up.

CPU and switches are shown per 60 s. Shiftwell runs on shift in a 50-minute focus block
(micro breaks every 4 h, nothing on the schedule); with no input at all it turns to "away"
at its first idle check after `breaks.micro.length` (20 s), as a user who stepped away. The
peers are Debian's Workrave, Safe Eyes and RSIBreak, installed here with apt when missing
(as root; `--no-install` to skip). A bare PySide6 tray icon with one 30 s timer is measured
too, as the floor any Qt tray app stands on. GTK apps are measured as on a desktop where a
GTK program ran before them (`--cold-gtk`: as the first one; see `_gtk_visuals`).

Run: PYTHONPATH=app:. .venv/bin/python bench/idle_cost.py [--seconds 60] [--settle 10]
     [--only NAME] [--json FILE] [--threads] [--no-install] [--cold-gtk]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from bench._proc import ThreadCost, Window, pss_kb, tree_pids
from tests.helpers.dbus import private_bus
from tests.helpers.desktop import DesktopSession, desktop_session
from tests.helpers.process import APP_DIR

START_TIMEOUT_S = 60.0
TRAY_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0

SHIFTWELL_CONFIG = """
[schedule]
monday = "off"
tuesday = "off"
wednesday = "off"
thursday = "off"
friday = "off"
saturday = "off"
sunday = "off"

[breaks.micro]
every = "4h"

[breaks.long]
every = "50m"
"""

# The floor: a PySide6 tray icon and one repeating 30 s timer, nothing else.
QT_FLOOR = """
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(["qt-floor"])
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("teal"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.show()
timer = QTimer()
timer.start(30_000)
app.exec()
"""

# A system bus of our own: Safe Eyes watches logind's PrepareForSleep on it (and stops if
# there is none); nothing answers on it, as on a desktop without systemd.
DESKTOP_TOOLS = {
    "Xvfb": "xvfb",
    "trayer": "trayer",
    "dunst": "dunst",
    "dunstctl": "dunst",
    "dbus-daemon": "dbus",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "xdotool": "xdotool",
}

# Measured before on this kind of machine (Xvfb + trayer + dunst, 60 s idle after start-up;
# the GTK apps each started first on their display, as with --cold-gtk).
REFERENCE = (
    "Workrave 96 MB, 0.08 CPU-s, ~440 switches; Safe Eyes 133 MB, 0.03 CPU-s (+0.09 in "
    "children), ~255; RSIBreak 99 MB, 0.04 CPU-s, ~236; a bare PySide6 tray on one timer: "
    "53 MB, ~0 CPU-s, 1 switch / 30 s"
)
RSS_AIM_MB = 90.0


class AppFailed(Exception):
    """The app could not be measured; the message says why."""


class DesktopFailed(Exception):
    """The shared desktop (X server, tray, notifications, buses) did not come up."""


@dataclass
class Running:
    """An app started in the desktop, with its own home."""

    process: subprocess.Popen[bytes]
    home: Path
    env: dict[str, str]
    session: DesktopSession

    def output_tail(self, lines: int = 8) -> str:
        text = (self.home / "output.log").read_text(errors="replace").strip().splitlines()
        return "\n    ".join(text[-lines:]) or "(no output)"


@dataclass(frozen=True)
class AppSpec:
    key: str
    label: str
    tray_name: str  # the name of its icon's window in the tray
    command: Callable[[Path], list[str]]
    packages: tuple[str, ...] = ()  # Debian's packages (the peers)
    prepare: Callable[[Path], None] = lambda home: None
    # Bounded waits after start (ready, tray icon, shift started); returns notes.
    after_start: Callable[[Running, AppSpec], list[str]] = lambda running, spec: []
    after_window: Callable[[Running, Window], list[str]] = lambda running, window: []
    peer: bool = True


@dataclass
class Figures:
    key: str
    label: str
    seconds: float
    rss_mb: float
    pss_mb: float
    cpu_s: float  # per 60 s
    run_ms: float  # per 60 s: time on a CPU by the scheduler's count, in ms (finer than ticks)
    children_ms: float  # per 60 s: CPU time of children that exited in the window, in ms
    switches: float  # per 60 s
    processes: int
    new_processes: int
    threads: list[ThreadCost] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# -- Shiftwell --------------------------------------------------------------------------------


def _shiftwell_command(home: Path) -> list[str]:
    return [sys.executable, "-m", "shiftwell", *_shiftwell_options(home), "--tray-wait", "20s"]


def _shiftwell_options(home: Path) -> list[str]:
    return ["--data-dir", str(home / "data"), "--config", str(home / "config.toml")]


def _shiftwell_first_run(home: Path) -> None:
    (home / "config.toml").write_text(SHIFTWELL_CONFIG, encoding="utf-8")


def _shiftwell_prepare(home: Path) -> None:
    """Any day but the first: the database exists, so the start skips the migrations."""
    from shiftwell.storage.database import open_database

    _shiftwell_first_run(home)
    open_database(home / "data" / "shiftwell.sqlite3").db.dispose()


def _shiftwell_cli(running: Running, *args: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "shiftwell", *args, *_shiftwell_options(running.home)]
    return subprocess.run(
        argv, env=running.env, capture_output=True, text=True, timeout=60, check=False
    )


def _shiftwell_start_shift(running: Running, spec: AppSpec) -> list[str]:
    log = running.home / "data" / "shiftwell.log"
    _wait(running, lambda: log.exists() and "ready; data in" in log.read_text(), "ready")
    notes = _wait_for_tray(running, spec)
    started = _shiftwell_cli(running, "start", "--yes")
    if started.returncode != 0:
        raise AppFailed(f"`shiftwell start --yes` failed: {started.stderr.strip()}")
    return notes


def _shiftwell_report(running: Running, window: Window) -> list[str]:
    """What the engine did in the window (from its own transition log), and its state."""
    assert window.first is not None and window.last is not None
    path = running.home / "data" / "shiftwell.sqlite3"
    with _read_only(path) as db:
        rows = db.execute(
            "SELECT monotonic, source, target, trigger, detail FROM 'transition' "
            "WHERE monotonic BETWEEN ? AND ? ORDER BY id",
            (window.first.at, window.last.at),
        ).fetchall()
    notes = [
        f"at +{at - window.first.at:.0f} s: {source} -> {target} ({trigger}: {detail})"
        for at, source, target, trigger, detail in rows
    ] or ["no transitions in the window"]
    status = _shiftwell_cli(running, "status", "--json")
    if status.returncode == 0:
        reply = json.loads(status.stdout)
        notes.append(f"after the window: {reply.get('state')}, {reply.get('headline')}")
    return notes


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield db
    finally:
        db.close()


# -- the peers --------------------------------------------------------------------------------


def _rsibreak_prepare(home: Path) -> None:
    # KDE's "don't show again" entry for its welcome box; Debian's build shows the box all
    # the same here, so it is also dismissed once it shows (below).
    (home / ".config" / "rsibreakrc").write_text(
        "[Notification Messages]\ndont_show_welcome_again_for_001=false\n", encoding="utf-8"
    )


def _rsibreak_after_start(running: Running, spec: AppSpec) -> list[str]:
    """Dismiss the first-run welcome box (it comes 2 s after start) as a user once did."""
    notes = _wait_for_tray(running, spec)
    give_up = time.monotonic() + 10
    while time.monotonic() < give_up:
        found = _xdotool(running, "search", "--onlyvisible", "--name", "^Welcome")
        if found:
            for window in found.split():
                _xdotool(running, "key", "--window", window, "Return")
            time.sleep(1)
            if not _xdotool(running, "search", "--onlyvisible", "--name", "^Welcome"):
                return [*notes, "first-run welcome box dismissed"]
        time.sleep(0.25)
    return [*notes, "welcome box still open"]


def _xdotool(running: Running, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=running.env, capture_output=True, text=True, check=False
    )
    return done.stdout.strip()


APPS = (
    AppSpec(
        "shiftwell",
        "Shiftwell",
        "Shiftwell",
        _shiftwell_command,
        prepare=_shiftwell_prepare,
        after_start=_shiftwell_start_shift,
        after_window=_shiftwell_report,
        peer=False,
    ),
    # The very first start creates the database: Alembic's migrations load, and stay loaded.
    AppSpec(
        "shiftwell-first-run",
        "Shiftwell, first run",
        "Shiftwell",
        _shiftwell_command,
        prepare=_shiftwell_first_run,
        after_start=_shiftwell_start_shift,
        after_window=_shiftwell_report,
        peer=False,
    ),
    AppSpec(
        "workrave",
        "Workrave",
        "workrave",
        lambda home: ["workrave"],
        packages=("workrave",),
        after_start=lambda running, spec: _wait_for_tray(running, spec),
    ),
    # Its tray icon needs Ayatana AppIndicator, and its smart pause asks xprintidle: both are
    # Recommends, which `apt-get install safeeyes` brings by default.
    AppSpec(
        "safe-eyes",
        "Safe Eyes",
        "safeeyes",
        lambda home: ["safeeyes"],
        packages=("safeeyes", "gir1.2-ayatanaappindicator3-0.1", "xprintidle"),
        after_start=lambda running, spec: _wait_for_tray(running, spec),
    ),
    AppSpec(
        "rsibreak",
        "RSIBreak",
        "RSIBreak",
        lambda home: ["rsibreak"],
        packages=("rsibreak",),
        prepare=_rsibreak_prepare,
        after_start=_rsibreak_after_start,
    ),
    AppSpec(
        "qt-floor",
        "PySide6 tray floor",
        "qt-floor",
        lambda home: [sys.executable, "-c", QT_FLOOR],
        after_start=lambda running, spec: _wait_for_tray(running, spec),
        peer=False,
    ),
)


# -- installing the peers ---------------------------------------------------------------------


def missing_packages(spec: AppSpec) -> list[str]:
    if not shutil.which("dpkg-query"):
        return [] if shutil.which(spec.command(Path())[0]) else list(spec.packages)
    missing = []
    for package in spec.packages:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f=${db:Status-Abbrev}", package],
            capture_output=True,
            text=True,
            check=False,
        )
        if not done.stdout.startswith("ii"):
            missing.append(package)
    return missing


def install_peers(specs: list[AppSpec], *, install: bool) -> dict[str, str]:
    """Installs missing peers with apt when allowed and possible; returns the ones still
    missing, each with the reason."""
    wanted = {spec.key: missing_packages(spec) for spec in specs if spec.packages}
    packages = sorted({p for missing in wanted.values() for p in missing})
    if packages and install and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"installing with apt: {' '.join(packages)} …", flush=True)
        with tempfile.NamedTemporaryFile("w", prefix="idle-cost-apt-", suffix=".log") as log:
            apt = ["apt-get", "-q", "-y"]
            subprocess.run([*apt, "update"], stdout=log, stderr=log, check=False)
            install_cmd = [*apt, "install", "--no-install-recommends", *packages]
            if subprocess.run(install_cmd, stdout=log, stderr=log, check=False).returncode:
                print(f"  apt-get install failed (log: {Path(log.name).read_text()[-400:]})")
        wanted = {spec.key: missing_packages(spec) for spec in specs if spec.packages}
    how = "" if install else " (--no-install)"
    return {
        key: f"not installed: {' '.join(missing)}{how}; as root: apt-get install -y "
        f"--no-install-recommends {' '.join(missing)}"
        for key, missing in wanted.items()
        if missing
    }


# -- running and measuring one app ------------------------------------------------------------


def measure(
    spec: AppSpec, session: DesktopSession, seconds: float, settle: float, *, cold_gtk: bool
) -> Figures:
    _touch_input(session)
    display_notes = _gtk_visuals(session, cold=cold_gtk)
    with (
        tempfile.TemporaryDirectory(prefix=f"idle-cost-{spec.key}-") as directory,
        _started(spec, session, Path(directory)) as running,
    ):
        notes = display_notes + spec.after_start(running, spec)
        _idle(running, settle, "while settling")
        window = Window(running.process.pid)
        window.begin()
        assert window.first is not None
        end_at = window.first.at + seconds
        while (left := end_at - time.monotonic()) > 0:
            _idle(running, min(1.0, left), "during the window")
            if left > 1.0:
                window.sample()
        last = window.end()
        pss = pss_kb(p.pid for p in last.processes)
        notes += spec.after_window(running, window)
    per_minute = 60 / window.seconds
    return Figures(
        key=spec.key,
        label=spec.label,
        seconds=round(window.seconds, 2),
        rss_mb=window.rss_kb / 1024,
        pss_mb=pss / 1024,
        cpu_s=window.cpu_seconds * per_minute,
        run_ms=window.run_seconds * 1000 * per_minute,
        children_ms=window.children_cpu_seconds * 1000 * per_minute,
        switches=window.voluntary_switches * per_minute,
        processes=len(last.processes),
        new_processes=window.new_processes,
        threads=window.threads(),
        notes=notes,
    )


@contextmanager
def _started(spec: AppSpec, session: DesktopSession, home: Path) -> Iterator[Running]:
    env = _home_env(session.env, home)
    spec.prepare(home)
    with (home / "output.log").open("wb") as output:
        process = subprocess.Popen(
            spec.command(home),
            env=env,
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole
        )
    try:
        yield Running(process, home, env, session)
    finally:
        _stop(process)


def _home_env(desktop_env: dict[str, str], home: Path) -> dict[str, str]:
    dirs = {
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": home / "runtime",
    }
    for path in dirs.values():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {k: v for k, v in desktop_env.items() if k not in ("WAYLAND_DISPLAY", "PYTHONPATH")}
    env.update({key: str(path) for key, path in dirs.items()}, HOME=str(home))
    env["PYTHONPATH"] = str(APP_DIR)  # Shiftwell from this checkout; the peers ignore it
    return env


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to its process group and to any descendant that left it; SIGKILL after 10 s."""
    stray = [pid for pid in tree_pids(process.pid) if _group(pid) not in (process.pid, None)]
    for signum in (signal.SIGTERM, signal.SIGKILL):
        for kill in [lambda s: os.killpg(process.pid, s), *(_killer(pid) for pid in stray)]:
            with suppress(ProcessLookupError, PermissionError):
                kill(signum)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
            return
        except subprocess.TimeoutExpired:
            continue


def _killer(pid: int) -> Callable[[int], None]:
    return lambda signum: os.kill(pid, signum)


def _group(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def _idle(running: Running, seconds: float, when: str) -> None:
    time.sleep(seconds)
    if running.process.poll() is not None:
        raise AppFailed(
            f"exited {when} (status {running.process.returncode}):\n    {running.output_tail()}"
        )


def _wait(running: Running, condition: Callable[[], bool], what: str) -> None:
    give_up = time.monotonic() + START_TIMEOUT_S
    while not condition():
        _idle(running, 0.1, f"before it was {what}")
        if time.monotonic() > give_up:
            tail = running.output_tail()
            raise AppFailed(f"not {what} after {START_TIMEOUT_S:.0f} s:\n    {tail}")


def _wait_for_tray(running: Running, spec: AppSpec) -> list[str]:
    """Waits (bounded) for the app's icon in the tray; a note if it never came."""
    give_up = time.monotonic() + TRAY_TIMEOUT_S
    wanted = spec.tray_name.lower()
    while time.monotonic() < give_up:
        if any(name.lower() == wanted for name in running.session.docked_windows()):
            return []
        _idle(running, 0.25, "before its tray icon showed")
    return [f"no tray icon after {TRAY_TIMEOUT_S:.0f} s"]


# -- the shared desktop -----------------------------------------------------------------------


@contextmanager
def system_bus() -> Iterator[str]:
    """A private system bus (Safe Eyes will not start without one)."""
    try:
        with private_bus("system") as address:
            yield address
    except AssertionError as error:  # how the test helpers say the daemon did not start
        raise DesktopFailed(f"the private system bus: {error}") from None


@contextmanager
def shared_desktop() -> Iterator[DesktopSession]:
    with ExitStack() as stack:
        session = _desktop(stack)
        session.env["DBUS_SYSTEM_BUS_ADDRESS"] = stack.enter_context(system_bus())
        yield session


def _desktop(stack: ExitStack, attempts: int = 2) -> DesktopSession:
    """The desktop helpers' session; once more if a part of it did not come up in time (on a
    busy machine trayer now and then does not map within their 20 s)."""
    for attempt in range(1, attempts + 1):
        try:
            return stack.enter_context(desktop_session())
        except AssertionError as error:  # how the desktop helpers say that a part failed
            if attempt == attempts:
                raise DesktopFailed(str(error)) from None
            print(f"the desktop did not come up ({error}); trying again")
    raise AssertionError("unreachable")


def _touch_input(session: DesktopSession) -> None:
    """A nudge of the pointer, so that every app starts with the X server's idle time at 0
    (the apps that watch it, Shiftwell included, behave differently after minutes of it)."""
    for step in ("1", "-1"):
        subprocess.run(
            ["xdotool", "mousemove_relative", "--", step, "0"], env=session.env, check=True
        )


def _gtk_visuals(session: DesktopSession, *, cold: bool) -> list[str]:
    """The first GTK 3 program on a display loads Mesa (~50 MB, most of it LLVM) to choose its
    GL visuals, and caches the choice on the root window (GDK_VISUALS) for all later ones. On
    a desktop some GTK program has always done that: by default the cache is filled first;
    cold, it is removed before each app. Returns a note when it could not be filled."""
    if cold:
        _xprop(session, "-remove", "GDK_VISUALS")
        return []
    if "GDK_VISUALS(" in _xprop(session, "GDK_VISUALS"):
        return []
    fill = (
        "import gi; gi.require_version('Gdk', '3.0'); from gi.repository import Gdk; Gdk.init([])"
    )
    subprocess.run(
        ["/usr/bin/python3", "-c", fill], env=session.env, capture_output=True, check=False
    )
    if "GDK_VISUALS(" in _xprop(session, "GDK_VISUALS"):
        return []
    return ["GDK's GL visuals not cached (no python3-gi): a GTK app pays for Mesa here"]


def _xprop(session: DesktopSession, *args: str) -> str:
    done = subprocess.run(
        ["xprop", "-root", *args], env=session.env, capture_output=True, text=True, check=False
    )
    return done.stdout


def _missing_tools() -> list[str]:
    tools = DESKTOP_TOOLS.items()
    return [f"{tool} ({package})" for tool, package in tools if not shutil.which(tool)]


# -- output -----------------------------------------------------------------------------------


def print_table(figures: list[Figures], seconds: float, settle: float, *, cold_gtk: bool) -> None:
    print(
        f"\nidle cost: whole process tree, {seconds:.0f} s window after {settle:.0f} s of "
        "settling; CPU and switches per 60 s"
    )
    if cold_gtk:
        print("GTK apps started cold: each loads Mesa to choose its GL visuals")
    else:
        print("GTK apps started with GDK's GL visuals cached, as on a desktop (--cold-gtk: not)")
    ours = next((f for f in figures if f.key == "shiftwell"), None)
    header = (
        f"{'app':<20} {'RSS MB':>7} {'PSS MB':>7} {'CPU s':>7} {'CPU ms':>7} {'switches':>9} "
        f"{'procs':>6}"
    )
    print(header + ("   Shiftwell / this: RSS, CPU, switches" if ours else ""))
    for item in figures:
        procs = f"{item.processes}" + (f"+{item.new_processes}" if item.new_processes else "")
        line = (
            f"{item.label:<20} {item.rss_mb:>7.1f} {item.pss_mb:>7.1f} {item.cpu_s:>7.3f} "
            f"{_cpu_ms(item):>7.1f} {item.switches:>9.0f} {procs:>6}"
        )
        if ours is not None and item is not ours:
            ratios = (
                _ratio(ours.rss_mb, item.rss_mb),
                _ratio(ours.cpu_s, item.cpu_s),
                _ratio(ours.switches, item.switches),
            )
            line += "   " + ", ".join(ratios)
        print(line)
    print(f"reference, measured before: {REFERENCE}")


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs > 0 else "-"


def targets(figures: list[Figures], peer_keys: set[str]) -> list[tuple[str, bool | None, str]]:
    """(target, met or None when it can't be judged, the figures behind it)."""
    by_key = {f.key: f for f in figures}
    ours = by_key.get("shiftwell")
    peers = [f for f in figures if f.key in peer_keys]
    if ours is None:
        return [("Shiftwell measured", None, "not measured: no target can be judged")]
    results: list[tuple[str, bool | None, str]] = []
    workrave = by_key.get("workrave")
    if workrave is None:
        results.append(("switches <= 1/10 of Workrave's", None, "Workrave not measured"))
    else:
        limit = workrave.switches / 10
        met = ours.switches <= limit
        results.append(
            ("switches <= 1/10 of Workrave's", met, f"{ours.switches:.0f} vs {limit:.1f}")
        )
    if not peers:
        results += [
            (f"{what} below every peer's", None, "no peer measured") for what in ("CPU", "RSS")
        ]
    else:
        # CPU in clock ticks is too coarse to rank apps that use a few ticks a minute: rank
        # by the scheduler's count (plus children that exited), show the ticks beside it.
        lowest = min(peers, key=_cpu_ms)
        detail = (
            f"{_cpu_ms(ours):.1f} vs {_cpu_ms(lowest):.1f} ms ({lowest.label}, the lowest "
            f"peer; in ticks {ours.cpu_s:.2f} vs {lowest.cpu_s:.2f} s)"
        )
        results.append(("CPU below every peer's", _cpu_ms(ours) < _cpu_ms(lowest), detail))
        lowest = min(peers, key=lambda f: f.rss_mb)
        detail = f"{ours.rss_mb:.1f} vs {lowest.rss_mb:.1f} MB ({lowest.label}, the lowest peer)"
        results.append(("RSS below every peer's", ours.rss_mb < lowest.rss_mb, detail))
    results.append(
        (f"RSS <= {RSS_AIM_MB:.0f} MB (aim)", ours.rss_mb <= RSS_AIM_MB, f"{ours.rss_mb:.1f} MB")
    )
    return results


def _cpu_ms(figures: Figures) -> float:
    return figures.run_ms + figures.children_ms


def print_targets(results: list[tuple[str, bool | None, str]], missing: dict[str, str]) -> None:
    print("\ntargets:")
    for what, met, detail in results:
        verdict = "n/a" if met is None else "met" if met else "NOT met"
        print(f"  {what:<34} {verdict:<8} {detail}")
    if missing:
        print("  (judged without: " + ", ".join(sorted(missing)) + ")")


def print_notes(figures: list[Figures], missing: dict[str, str], failed: dict[str, str]) -> None:
    print("\nnotes:")
    for item in figures:
        for note in item.notes:
            print(f"  {item.label}: {note}")
    for key, why in {**missing, **failed}.items():
        print(f"  {key}: {why}")


def print_threads(figures: list[Figures]) -> None:
    for item in figures:
        print(f"\n{item.label}: threads (voluntary, involuntary switches, run ms; in the window)")
        quiet = 0
        for thread in item.threads:
            if not (thread.voluntary or thread.involuntary or thread.run_ns):
                quiet += 1
                continue
            print(
                f"  {thread.process:<16} {thread.pid:>7}/{thread.tid:<7} {thread.name:<18} "
                f"{thread.voluntary:>6} {thread.involuntary:>5} {thread.run_ns / 1e6:>8.2f}"
            )
        if quiet:
            print(f"  … and {quiet} threads that never ran")


def write_json(path: Path, figures: list[Figures], options: dict[str, Any], extra: Any) -> None:
    document = {
        "options": options,
        "machine": {"kernel": platform.release(), "cpus": os.cpu_count()},
        "apps": [asdict(item) for item in figures],
        **extra,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


# -- main -------------------------------------------------------------------------------------


def _interrupt_once(_signum: int, _frame: FrameType | None) -> None:
    # A second Ctrl-C must not cut the clean-up short.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    raise KeyboardInterrupt


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="the measured window")
    parser.add_argument("--settle", type=float, default=10.0, help="wait after start-up")
    parser.add_argument(
        "--only",
        action="append",
        choices=[spec.key for spec in APPS],
        help="measure this app only (may be repeated)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--threads", action="store_true", help="print the figures per thread")
    parser.add_argument("--no-install", action="store_true", help="never run apt-get")
    parser.add_argument(
        "--cold-gtk",
        action="store_true",
        help="measure each GTK app as the first one on the display (it then loads Mesa, "
        "~50 MB more); by default GDK's choice of GL visuals is cached first, as on a desktop",
    )
    args = parser.parse_args(argv)
    if args.seconds < 5 or args.settle < 0:
        parser.error("--seconds must be at least 5 and --settle not negative")
    return args


def measure_all(
    specs: list[AppSpec], missing: dict[str, str], args: argparse.Namespace
) -> tuple[list[Figures], dict[str, str]]:
    """Each app in turn on one desktop; the ones that fail are named with the reason."""
    figures: list[Figures] = []
    failed: dict[str, str] = {}
    with shared_desktop() as session:
        for spec in specs:
            if spec.key in missing:
                continue
            print(f"{spec.label}: start, {args.settle:.0f} s settle, {args.seconds:.0f} s…")
            try:
                figures.append(
                    measure(spec, session, args.seconds, args.settle, cold_gtk=args.cold_gtk)
                )
            except AppFailed as error:
                failed[spec.key] = f"failed: {error}"
                print(f"  failed: {error}")
    return figures, failed


def report(
    figures: list[Figures],
    missing: dict[str, str],
    failed: dict[str, str],
    args: argparse.Namespace,
) -> None:
    peer_keys = {spec.key for spec in APPS if spec.peer}
    judged = not args.only or "shiftwell" in args.only
    results = targets(figures, peer_keys) if judged else []
    print_table(figures, args.seconds, args.settle, cold_gtk=args.cold_gtk)
    if results:
        print_targets(results, {k: v for k, v in missing.items() if k in peer_keys})
    print_notes(figures, missing, failed)
    if args.threads:
        print_threads(figures)
    if args.json:
        options = {
            "seconds": args.seconds,
            "settle": args.settle,
            "only": args.only,
            "cold_gtk": args.cold_gtk,
        }
        verdicts = [{"target": t, "met": m, "detail": d} for t, m, d in results]
        write_json(args.json, figures, options, {"targets": verdicts, "missing": missing})
        print(f"\nfigures written to {args.json}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt_once)
    if missing_tools := _missing_tools():
        print(f"idle_cost: the desktop needs {', '.join(missing_tools)}: run bash .ci/setup")
        return 2
    specs = [spec for spec in APPS if not args.only or spec.key in args.only]
    try:
        missing = install_peers(specs, install=not args.no_install)
        figures, failed = measure_all(specs, missing, args)
    except KeyboardInterrupt:
        print("\ninterrupted; every process started here was stopped", file=sys.stderr)
        return 130
    except DesktopFailed as error:
        print(f"idle_cost: the desktop did not come up: {error}", file=sys.stderr)
        return 2
    report(figures, missing, failed, args)
    return 1 if failed and not figures else 0


if __name__ == "__main__":
    sys.exit(main())
