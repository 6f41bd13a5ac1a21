"""The packaging files: the .desktop entry (checked by desktop-file-validate), what the
PyInstaller spec puts in and leaves out (against what the app really imports), the icons."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import shlex
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import PySide6
import pytest
from PySide6.QtGui import QImage

from tests.helpers.process import shiftwell_env

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = PACKAGING / "shiftwell.desktop"


def _load(name: str) -> ModuleType:
    # packaging/ is no package (it would shadow the `packaging` library): load by path.
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load("shiftwell_bundle")
make_icons = _load("make_icons")


# --- the .desktop entry ----------------------------------------------------------------------


def _validate(path: Path) -> subprocess.CompletedProcess[str]:
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-validate is missing: install desktop-file-utils"
    return subprocess.run([validator, str(path)], capture_output=True, text=True, timeout=30)


def test_the_desktop_file_is_valid() -> None:
    result = _validate(DESKTOP_FILE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == result.stderr == ""


def test_the_desktop_file_starts_the_shiftwell_command_quietly() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert (fields["Type"], fields["Name"], fields["Exec"], fields["Icon"]) == (
        "Application",
        "Shiftwell",
        "shiftwell",
        "shiftwell",
    )
    assert fields["Categories"] == "Utility;"  # one main category: listed once in menus
    assert fields["StartupNotify"] == "false"
    assert fields["GenericName"] and fields["Comment"] and fields["Keywords"].endswith(";")
    # The icon named is the one shipped as an SVG.
    assert (ROOT / "resources" / "icons" / f"{fields['Icon']}.svg").is_file()


def test_each_desktop_action_runs_a_command_the_command_line_accepts() -> None:
    from shiftwell.cli.parser import build_parser, request_from
    from shiftwell.core.commands import BY_NAME

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    listed = entry["Desktop Entry"]["Actions"].rstrip(";").split(";")
    sections = [name.removeprefix("Desktop Action ") for name in entry if "Action " in name]
    assert listed == sections
    parsed: dict[str, tuple[str, dict[str, object]]] = {}
    for action in listed:
        fields = entry[f"Desktop Action {action}"]
        argv = shlex.split(fields["Exec"])
        assert argv[0] == "shiftwell", fields["Exec"]
        try:
            args = build_parser().parse_args(argv[1:])
        except SystemExit as exit_:  # argparse's way to refuse
            raise AssertionError(f"the command line refuses {fields['Exec']!r}") from exit_
        command = args.command or "run"
        parsed[fields["Name"]] = (command, request_from(BY_NAME[command], args))
    assert parsed == {
        # No terminal to read: the running Shiftwell (started if need be) answers on screen.
        "Start shift": ("start", {"confirmed": False, "on_screen": True}),
        "Take a break": ("break", {"on_screen": True}),
        # A second launch shows the running Shiftwell's status window, or starts it.
        "Show status": ("run", {}),
        "Weekly review": ("review", {}),
    }


@pytest.mark.parametrize(
    ("line", "instead", "error"),
    [
        ("Type=Application\n", "", 'required key "Type" in group "Desktop Entry" is not present'),
        (
            "StartupNotify=false",
            "StartupNotify=no",
            'value "no" for boolean key "StartupNotify" in group "Desktop Entry" contains invalid',
        ),
    ],
)
def test_the_validator_rejects_a_broken_entry(
    tmp_path: Path, line: str, instead: str, error: str
) -> None:
    broken = tmp_path / "shiftwell.desktop"
    text = DESKTOP_FILE.read_text(encoding="utf-8")
    assert line in text
    broken.write_text(text.replace(line, instead), encoding="utf-8")
    result = _validate(broken)
    assert result.returncode == 1
    assert f"{broken}: error: {error}" in result.stdout


# --- what the bundle holds -------------------------------------------------------------------


def test_resources_ship_as_resources_without_the_readme_screenshots() -> None:
    shipped = {
        (Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bundle.resource_files()
    }
    assert {
        ("resources/style.qss", "resources"),
        ("resources/break-ideas.txt", "resources"),
        ("resources/default-config.toml", "resources"),
        ("resources/sounds/break-end.wav", "resources/sounds"),
        ("resources/icons/shiftwell.svg", "resources/icons"),
    } <= shipped
    assert not [src for src, _ in shipped if "screenshots" in src]


def test_only_compiled_translations_ship(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "style.qss",
        "translations/shiftwell_de.qm",
        "translations/shiftwell_de.ts",
        "translations/update.sh",
        "screenshots/logoff.png",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr(bundle, "RESOURCES", tmp_path)
    assert bundle.resource_files() == [
        (str(tmp_path / "style.qss"), "resources"),
        (str(tmp_path / "translations" / "shiftwell_de.qm"), "resources/translations"),
    ]


def test_the_alembic_scripts_ship_as_source_files_with_what_they_import() -> None:
    shipped = {
        Path(src).relative_to(ROOT / "app").as_posix(): d for src, d in bundle.migration_files()
    }
    migrations = "shiftwell/storage/migrations"
    assert shipped[f"{migrations}/env.py"] == migrations
    assert shipped[f"{migrations}/script.py.mako"] == migrations
    versions = sorted((ROOT / "app" / migrations / "versions").glob("*.py"))
    assert versions
    for script in versions:
        assert shipped[f"{migrations}/versions/{script.name}"] == f"{migrations}/versions"
    assert not [name for name in shipped if name.endswith(".pyc")]
    imports = bundle.migration_imports()
    assert {"alembic.context", "alembic.op", "sqlmodel.sql.sqltypes", "sqlalchemy"} <= set(imports)
    assert "sqlalchemy.Column" not in imports  # a class, not a module


def test_the_unused_qt_modules_are_excluded_and_the_used_ones_kept() -> None:
    excluded = set(bundle.qt_modules_to_exclude(Path(PySide6.__file__).parent))
    installed = {
        f"PySide6.{p.name.split('.')[0]}"
        for p in Path(PySide6.__file__).parent.glob("Qt*.*")
        if p.name.endswith((".so", ".pyd"))
    }
    assert installed - excluded == {f"PySide6.{name}" for name in bundle.QT_MODULES_USED}
    for name in ("QtWebEngineCore", "QtQuick", "QtQml", "QtPdf", "QtSql", "QtTest", "QtSvg"):
        assert f"PySide6.{name}" in excluded


def test_the_app_runs_with_everything_the_bundle_leaves_out_missing() -> None:
    """The self-check, and an import of every Shiftwell module, with the excluded modules
    made unimportable as in the bundle: nothing fails, and every kept Qt module is used."""
    excluded = [
        *bundle.qt_modules_to_exclude(Path(PySide6.__file__).parent),
        *bundle.OTHER_EXCLUDES,
    ]
    code = f"""
import importlib, importlib.abc, io, pkgutil, sys

LEFT_OUT = {excluded!r}

class LeftOut(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if any(name == gone or name.startswith(gone + ".") for gone in LEFT_OUT):
            raise ModuleNotFoundError(f"{{name}} is not in the bundle", name=name)
        return None

sys.meta_path.insert(0, LeftOut())
import shiftwell
from shiftwell.selfcheck import run_self_check

report = io.StringIO()
status = run_self_check(report, io.StringIO())
for module in pkgutil.walk_packages(shiftwell.__path__, "shiftwell."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
print(report.getvalue())
print("LOADED", *sorted(sys.modules))
sys.exit(status)
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=shiftwell_env({"QT_QPA_PLATFORM": "offscreen"}),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = set(result.stdout.split("LOADED", 1)[1].split())
    qt_loaded = {m.split(".")[1] for m in loaded if m.startswith("PySide6.Qt")}
    assert qt_loaded == set(bundle.QT_MODULES_USED)
    assert not [m for m in loaded if m.split(".")[0] in ("pygments", "PIL", "hypothesis", "mypy")]


# --- which plugins and libraries stay ---------------------------------------------------------


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/somethingnew/libqfuture.so", True),  # unknown folders stay
        ("PySide6/Qt/lib/libQt6Core.so.6", True),  # not a plugin
    ],
)
def test_plugins_are_chosen_by_folder_and_name(destination: str, kept: bool) -> None:
    assert bundle.plugin_kept(destination) is kept


def test_only_the_qt_translations_for_standard_dialogs_stay() -> None:
    assert bundle.unused_translation("PySide6/Qt/translations/qtmultimedia_de.qm")
    assert bundle.unused_translation("PySide6\\translations\\qt_help_fr.qm")
    assert not bundle.unused_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle.unused_translation("resources/translations/shiftwell_de.qm")


def test_libraries_only_dropped_plugins_needed_go_with_them(tmp_path: Path) -> None:
    def lib(name: str) -> str:
        path = tmp_path / name
        path.touch()
        return str(path)

    gui, quick, qml, ffmpeg, pulse = map(
        lib,
        ("libQt6Gui.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6", "libavcodec.so", "libpulse.so"),
    )
    xcb, media = lib("libqxcb.so"), lib("libffmpegmediaplugin.so")
    widgets_ext = lib("QtWidgets.abi3.so")
    links = {
        widgets_ext: [gui],
        xcb: [gui],
        media: [gui, quick, ffmpeg, pulse],
        quick: [qml, gui],
        qml: [],
        gui: [],
        ffmpeg: [],
        pulse: [],
    }
    multimedia_ext = lib("QtMultimedia.abi3.so")
    links[multimedia_ext] = [pulse]  # also linked by something kept: stays
    binaries = [
        ("PySide6/QtWidgets.abi3.so", widgets_ext, "EXTENSION"),
        ("PySide6/QtMultimedia.abi3.so", multimedia_ext, "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", xcb, "BINARY"),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", media, "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", gui, "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", quick, "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", qml, "BINARY"),
        ("PySide6/Qt/lib/libavcodec.so", ffmpeg, "BINARY"),
        ("libpulse.so", pulse, "BINARY"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", lib("qtbase_de.qm"), "DATA"),
        ("PySide6/Qt/translations/qtmultimedia_de.qm", lib("qtmultimedia_de.qm"), "DATA"),
        ("resources/style.qss", lib("style.qss"), "DATA"),
    ]
    kept_binaries, kept_datas = bundle.prune(binaries, datas, lambda path: links[path])
    assert [entry[0] for entry in kept_binaries] == [
        "PySide6/QtWidgets.abi3.so",
        "PySide6/QtMultimedia.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libpulse.so",
        "libQt6Gui.so.6",
    ]
    assert [entry[0] for entry in kept_datas] == [
        "PySide6/Qt/translations/qtbase_de.qm",
        "resources/style.qss",
    ]


def test_the_macos_bundle_is_a_tray_app_with_its_identifier() -> None:
    tree = ast.parse((PACKAGING / "shiftwell.spec").read_text(encoding="utf-8"))
    (call,) = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "BUNDLE"
    ]
    keywords = {k.arg: k.value for k in call.keywords}
    assert ast.unparse(keywords["bundle_identifier"]) == "bundle.BUNDLE_ID"
    assert bundle.BUNDLE_ID == "org.shiftwell.Shiftwell"
    plist = keywords["info_plist"]
    assert isinstance(plist, ast.Dict)
    entries = {ast.literal_eval(k): v for k, v in zip(plist.keys, plist.values, strict=True) if k}
    assert ast.literal_eval(entries["LSUIElement"]) is True


def test_the_version_is_read_from_the_package() -> None:
    from shiftwell import __version__

    assert bundle.read_version() == __version__


# --- icons -----------------------------------------------------------------------------------


def _max_difference(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    assert a.size() == b.size()
    return max(abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True))


def _ico_images(path: Path) -> dict[int, QImage]:
    data = path.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1), "not an icon file"
    images = {}
    for index in range(count):
        width, _, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        image = QImage.fromData(data[offset : offset + size])
        assert not image.isNull()
        images[width or 256] = image
    return images


def _icns_chunks(path: Path) -> dict[str, QImage]:
    data = path.read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    chunks, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4].decode("ascii"), struct.unpack_from(">I", data, at + 4)[0]
        if kind != "TOC ":
            chunks[kind] = QImage.fromData(data[at + 8 : at + length])
        at += length
    return chunks


def test_the_windows_icon_holds_every_size_drawn_from_the_svg(qapp: object) -> None:
    images = _ico_images(PACKAGING / "icons" / "shiftwell.ico")
    assert sorted(images) == sorted(make_icons.ICO_SIZES)
    for size, image in images.items():
        assert (image.width(), image.height()) == (size, size)
    # Drawn from the current SVG: regenerate with packaging/make_icons.py after editing it.
    assert _max_difference(images[256], make_icons.render(make_icons.SVG, 256)) <= 8


def test_the_macos_icon_holds_retina_sizes_drawn_from_the_svg(qapp: object) -> None:
    chunks = _icns_chunks(PACKAGING / "icons" / "shiftwell.icns")
    sizes = {"ic07": 128, "ic08": 256, "ic09": 512, "ic10": 1024, "ic11": 32, "ic12": 64}
    for kind, size in sizes.items():
        assert chunks[kind].width() == chunks[kind].height() == size, kind
    assert _max_difference(chunks["ic10"], make_icons.render(make_icons.SVG, 1024)) <= 8


def test_the_theme_pngs_are_drawn_from_the_svg(qapp: object) -> None:
    for size in make_icons.PNG_SIZES:
        shipped = QImage(str(PACKAGING / "icons" / f"shiftwell-{size}.png"))
        assert _max_difference(shipped, make_icons.render(make_icons.SVG, size)) <= 8, size


# --- the Debian package ----------------------------------------------------------------------

METAINFO = PACKAGING / "debian" / "org.shiftwell.Shiftwell.metainfo.xml"


def test_the_appstream_metainfo_is_valid_and_names_this_release() -> None:
    validator = shutil.which("appstreamcli")
    assert validator, "appstreamcli is missing: install appstream"
    result = subprocess.run(
        [validator, "validate", "--no-net", str(METAINFO)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    from shiftwell import __version__

    assert f'<release version="{__version__}"' in METAINFO.read_text(encoding="utf-8")
    assert '<launchable type="desktop-id">shiftwell.desktop</launchable>' in METAINFO.read_text(
        encoding="utf-8"
    )
