"""What goes into the frozen Shiftwell, and what stays out (used by shiftwell.spec).

Plain functions over PyInstaller's (destination, source, kind) tables, so the choices can
be tested without building: the Qt modules the app imports, the plugins it needs, the
resources and Alembic scripts it reads from disk.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
RESOURCES = ROOT / "resources"
MIGRATIONS = APP / "shiftwell" / "storage" / "migrations"
ICONS = ROOT / "packaging" / "icons"

BUNDLE_ID = "org.shiftwell.Shiftwell"

# The Qt modules Shiftwell imports (the tray, its windows, the single-instance socket, the
# week's charts, the break-end chime). QPdfWriter is part of QtGui.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtCharts", "QtMultimedia")

# Named even when this PySide6 lacks them (other platforms and versions ship more).
QT_MODULES_KNOWN_UNUSED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCanvasPainter",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)

# Python modules Shiftwell never runs, reached only through optional imports of its
# libraries (pydantic's mypy and hypothesis plugins, mako's pygments highlighting) or
# present in a development environment.
OTHER_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "PySide6.scripts",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "mypyc",
    "pygments",
    "PIL",
    "numpy",
    "rich",
    "psutil",
    "sphinx",
    "django",
    "IPython",
    # Build tools cffi names for building extensions (pywayland's is built already): with
    # setuptools in the bundle, PyInstaller's start-up hook imports it in every run.
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
    # Reached only through the standard library's process pools, which Shiftwell never
    # uses; with it in the bundle, a start-up hook imports it (and OpenSSL, through hmac).
    "multiprocessing",
)

# Plugins by folder: None keeps the whole folder, a set keeps those names (file names without
# `lib`/`q` prefix and suffix: `libqxcb.so` -> `xcb`), an empty set drops the folder. Folders
# not named here are kept: a platform may need one this list does not know.
PLUGINS: dict[str, frozenset[str] | None] = {
    # wayland and xcb (X11) on Linux, offscreen for --self-check, and the native ones on
    # Windows and macOS. Wayland is native: GNOME 50, Plasma 6.8 and the distributions
    # built on them have no X11 session, and XWayland may not be there at all.
    "platforms": frozenset({"wayland", "xcb", "offscreen", "windows", "cocoa"}),
    # What a Wayland window needs: the standard desktop shell protocol, and window frames
    # drawn by the app where the compositor leaves that to it (GNOME: adwaita; else Qt's own).
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"adwaita", "bradient"}),
    # Shiftwell draws with the CPU (shared-memory buffers); no GPU buffer sharing, and never
    # the compositor side.
    "wayland-graphics-integration-client": frozenset(),
    "wayland-graphics-integration-server": frozenset(),
    # The desktop portal (file dialogs); gtk3 would pull a copy of GTK into the bundle.
    "platformthemes": frozenset({"xdgdesktopportal"}),
    # The compose key and input methods, for typed reasons (the virtual keyboard would
    # bring QtQuick and QtQml).
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "xcbglintegrations": None,
    "styles": None,  # the native look on Windows and macOS
    # The desktop's SVG icon themes (file and message dialogs).
    "iconengines": frozenset({"svgicon"}),
    "imageformats": frozenset({"svg"}),
    # The chime needs only QSoundEffect, which plays through QtMultimedia itself; the
    # FFmpeg backend (with QtQuick, QtQml and FFmpeg) is for media players.
    "multimedia": frozenset(),
    # QLocalSocket only: no TLS, no network reachability.
    "tls": frozenset(),
    "networkinformation": frozenset(),
    "bearer": frozenset(),
    "generic": frozenset(),
    "egldeviceintegrations": frozenset(),
    "printsupport": frozenset(),
    "sqldrivers": frozenset(),
    "qmltooling": frozenset(),
}

_PLUGIN_NAME = re.compile(r"^(lib)?q?(?P<name>[^.]+)\.(so|dll|dylib)$", re.IGNORECASE)

TocEntry = tuple[str, str, str]  # (destination in the bundle, source file, kind)
Imports = Callable[[str], Iterable[str]]  # a binary -> the files it links to


def qt_modules_to_exclude(pyside_dir: Path | None) -> list[str]:
    """Every PySide6 module except the used ones: the known names and whatever is installed."""
    names = set(QT_MODULES_KNOWN_UNUSED)
    if pyside_dir is not None:
        for module in pyside_dir.glob("Qt*.*"):
            if module.suffix in (".so", ".pyd"):  # QtCore.abi3.so, QtCore.pyd
                names.add(module.name.split(".", 1)[0])
    return [f"PySide6.{name}" for name in sorted(names - set(QT_MODULES_USED))]


def resource_files() -> list[tuple[str, str]]:
    """`resources/` as it sits in the tree, less what the app never reads: the README's
    screenshots, and the translation sources beside the compiled `.qm` files."""
    found = []
    for path in sorted(RESOURCES.rglob("*")):
        relative = path.relative_to(RESOURCES)
        if not path.is_file() or relative.parts[0] == "screenshots":
            continue
        if relative.parts[0] == "translations" and path.suffix != ".qm":
            continue
        found.append((str(path), str(PurePosixPath("resources", *relative.parts[:-1]))))
    return found


def migration_files() -> list[tuple[str, str]]:
    """The Alembic scripts as source files: Alembic reads them from disk, not as modules."""
    found = []
    for path in sorted(MIGRATIONS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            folder = path.parent.relative_to(APP)
            found.append((str(path), str(PurePosixPath(*folder.parts))))
    return found


def migration_imports() -> list[str]:
    """What the migration scripts import: PyInstaller cannot see inside data files."""
    modules: set[str] = set()
    for source, _ in migration_files():
        if not source.endswith(".py"):
            continue
        tree = ast.parse(Path(source).read_text(encoding="utf-8"), filename=source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
                # `from alembic import op`: a module; `from sqlalchemy import Column`: not.
                names = (f"{node.module}.{alias.name}" for alias in node.names)
                modules.update(name for name in names if _is_module(name))
    return sorted(m for m in modules if m.split(".")[0] != "__future__")


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def plugin_kept(destination: str) -> bool:
    """Whether a file under a Qt `plugins/<folder>/` is wanted (anything else: True)."""
    parts = PurePosixPath(_posix(destination)).parts
    if "plugins" not in parts[:-2] or parts[0] != "PySide6":
        return True
    folder = parts[parts.index("plugins") + 1]
    choice = PLUGINS.get(folder)
    if choice is None:
        return True
    match = _PLUGIN_NAME.match(parts[-1])
    return match is not None and match.group("name").lower() in choice


def unused_translation(destination: str) -> bool:
    """Qt's own translations other than `qtbase` (the standard buttons and dialogs, which
    Shiftwell loads beside its own): nothing else of Qt's that it shows has words."""
    parts = PurePosixPath(_posix(destination)).parts
    return (
        parts[:1] == ("PySide6",)
        and "translations" in parts
        and parts[-1].endswith(".qm")
        and not parts[-1].startswith("qtbase_")
    )


def prune_binaries(binaries: Iterable[TocEntry], imports: Imports) -> list[TocEntry]:
    """Drop the unwanted plugins, and the libraries only they linked to.

    A library that a dropped plugin links to (directly or not) stays when anything else kept
    links to it too; libraries collected for other reasons are not touched.
    """
    entries = list(binaries)
    kept = [entry for entry in entries if plugin_kept(entry[0])]
    files = {_key(entry[1]) for entry in kept if entry[2] in _LINKED}
    dropped = [entry[1] for entry in entries if not plugin_kept(entry[0])]
    suspects = _reachable(dropped, imports, files)
    roots = [e[1] for e in kept if e[2] in _LINKED and _key(e[1]) not in suspects]
    unused = suspects - _reachable(roots, imports, files)
    return [entry for entry in kept if entry[2] not in _LINKED or _key(entry[1]) not in unused]


def prune(
    binaries: Iterable[TocEntry], datas: Iterable[TocEntry], imports: Imports
) -> tuple[list[TocEntry], list[TocEntry]]:
    """The bundle's (binaries, datas) without unwanted plugins, their libraries, unused Qt
    translations, and the links that pointed to any of them."""
    kept_binaries = prune_binaries(binaries, imports)
    kept_datas = [entry for entry in datas if not unused_translation(entry[0])]
    present = {_posix(entry[0]) for entry in (*kept_binaries, *kept_datas)}

    def linked_to_present(entry: TocEntry) -> bool:
        return entry[2] != "SYMLINK" or _link_target(entry) in present

    return (
        [entry for entry in kept_binaries if linked_to_present(entry)],
        [entry for entry in kept_datas if linked_to_present(entry)],
    )


_LINKED = ("BINARY", "EXTENSION")


def _reachable(start: Iterable[str], imports: Imports, within: set[str]) -> set[str]:
    """Every file of `within` that the `start` binaries link to, directly or not."""
    found: set[str] = set()
    pending = list(start)
    while pending:
        for linked in imports(pending.pop()):
            key = _key(linked)
            if key in within and key not in found:
                found.add(key)
                pending.append(linked)
    return found


def _key(path: str) -> str:
    return os.path.normcase(Path(path).resolve())


def _posix(destination: str) -> str:
    return str(PurePosixPath(destination.replace("\\", "/")))


def _link_target(entry: TocEntry) -> str:
    """A SYMLINK entry's target as a bundle path (it is written relative to the link)."""
    link = PurePosixPath(_posix(entry[0]))
    return posixpath.normpath(str(link.parent / _posix(entry[1])))


def read_version() -> str:
    """`__version__` from the package, read without importing it."""
    text = (APP / "shiftwell" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise ValueError("app/shiftwell/__init__.py has no __version__")
    return match.group(1)
