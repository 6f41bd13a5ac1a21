"""The `shiftwell` command's arguments and error messages, run as a real process."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from shiftwell import __version__
from tests.helpers.process import run_cli, shiftwell_env


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"shiftwell {__version__}"


def test_help_names_every_option() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for option in ("--data-dir", "--config", "--tray-wait", "--version", "SHIFTWELL_DATA_DIR"):
        assert option in result.stdout


def test_bad_duration_is_named_with_its_value() -> None:
    result = run_cli("--tray-wait", "soon")
    assert result.returncode == 2
    assert "argument --tray-wait: 'soon' is not a duration (e.g. 90s, 25m, 1h30m)" in (
        result.stderr
    )


def test_data_dir_that_is_a_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("keep me", encoding="utf-8")
    result = run_cli("--data-dir", str(blocker))
    assert result.returncode == 2
    assert f"shiftwell: the data dir {blocker} is a file, not a directory" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_data_dir_from_environment_is_used(tmp_path: Path) -> None:
    blocker = tmp_path / "env-file"
    blocker.write_text("", encoding="utf-8")
    result = run_cli(env={"SHIFTWELL_DATA_DIR": str(blocker)})
    assert result.returncode == 2
    assert str(blocker) in result.stderr


def test_no_graphical_session_is_explained(tmp_path: Path) -> None:
    result = run_cli(
        "--data-dir",
        str(tmp_path / "d"),
        "--config",
        str(tmp_path / "c.toml"),
        env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""},
    )
    assert result.returncode == 2
    assert "no graphical session found" in result.stderr


# -- the user's language ----------------------------------------------------------------------

SPANISH = {"SHIFTWELL_LANG": "es"}


def not_running(data: Path) -> str:
    return f"shiftwell: Shiftwell is not running (no instance for data dir {data})\n"


def test_no_running_instance_is_told_in_spanish_with_the_same_exit_code(tmp_path: Path) -> None:
    data = tmp_path / "Mis datos {año}"  # braces and accents in a path come through verbatim
    english = run_cli("status", "--data-dir", str(data))
    spanish = run_cli("status", "--data-dir", str(data), env=SPANISH)
    assert english.returncode == spanish.returncode == 3
    assert english.stderr == not_running(data)
    assert spanish.stderr == (
        "shiftwell: Shiftwell no está en marcha "
        f"(no hay ninguna instancia para la carpeta de datos {data})\n"
    )
    assert spanish.stdout == ""


def test_a_commands_help_is_in_spanish_with_its_names_untouched() -> None:
    result = run_cli("pause", "--help", env=SPANISH)
    assert result.returncode == 0
    assert "pausa, hasta que la reanudes o durante DURATION" in result.stdout
    assert "muestra también los detalles en la terminal" in result.stdout
    assert "SHIFTWELL_DATA_DIR" in result.stdout
    assert "usage: shiftwell pause" in result.stdout  # argparse's own words stay
    for option in ("--data-dir PATH", "--config PATH", "-v, --verbose"):
        assert option in result.stdout
    assert "pause, until resumed" not in result.stdout


def test_the_commands_are_described_in_spanish_under_their_own_names() -> None:
    result = run_cli("--help", env=SPANISH)
    assert result.returncode == 0
    assert "Mantiene la frontera entre el trabajo por turnos y tu vida" in result.stdout
    commands = [line for line in result.stdout.splitlines() if re.match(r" {4}[a-z]", line)]
    lines = {line.split()[0]: line for line in commands}
    assert "empieza un turno ahora" in lines["start"]
    assert "termina el turno ahora" in lines["end-shift"]
    assert "cierra el Shiftwell en marcha" in lines["quit"]


def test_a_bad_duration_is_refused_in_spanish() -> None:
    result = run_cli("pause", "soon", env=SPANISH)
    assert result.returncode == 2
    assert "'soon' no es una duración (p. ej. 90s, 25m, 1h30m)" in result.stderr
    assert "is not a duration" not in result.stderr


def test_a_data_dir_that_is_a_file_is_refused_in_spanish(tmp_path: Path) -> None:
    blocker = tmp_path / "no-es-carpeta"
    blocker.write_text("", encoding="utf-8")
    result = run_cli("--data-dir", str(blocker), env=SPANISH)
    assert result.returncode == 2
    assert (
        result.stderr == f"shiftwell: la carpeta de datos {blocker} es un archivo, no una carpeta\n"
    )


def test_stats_without_a_database_is_told_in_spanish(tmp_path: Path) -> None:
    result = run_cli("stats", "--data-dir", str(tmp_path), env=SPANISH)
    assert result.returncode == 1
    database = tmp_path / "shiftwell.sqlite3"
    assert result.stderr == f"shiftwell: todavía no hay ninguna base de datos en {database}\n"


def system_locale(lang: str) -> dict[str, str]:
    """No $SHIFTWELL_LANG: the language comes from the system locale, `lang`."""
    return {"SHIFTWELL_LANG": "", "LANG": lang, "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def test_the_system_locale_picks_the_language_when_shiftwell_lang_is_unset(
    tmp_path: Path,
) -> None:
    result = run_cli("status", "--data-dir", str(tmp_path), env=system_locale("es_ES.UTF-8"))
    assert result.returncode == 3
    assert result.stderr.startswith("shiftwell: Shiftwell no está en marcha")


def test_a_system_language_without_a_translation_is_english_quietly(tmp_path: Path) -> None:
    result = run_cli("status", "--data-dir", str(tmp_path), env=system_locale("fr_FR.UTF-8"))
    assert result.returncode == 3
    assert result.stderr == not_running(tmp_path)


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        (
            "xx",
            "'xx' is not a language name (try e.g. 'es' or 'es_MX'); Shiftwell stays in English",
        ),
        ("fr", "Shiftwell has no French translation yet; it stays in English"),
    ],
)
def test_an_unknown_language_asked_for_is_english_with_one_line_saying_so(
    tmp_path: Path, asked: str, said: str
) -> None:
    result = run_cli("status", "--data-dir", str(tmp_path), env={"SHIFTWELL_LANG": asked})
    assert result.returncode == 3
    assert result.stderr == f"shiftwell: {said}\n" + not_running(tmp_path)
    helped = run_cli("pause", "--help", env={"SHIFTWELL_LANG": asked})
    assert helped.returncode == 0
    assert "pause, until resumed or for DURATION" in helped.stdout
    assert helped.stderr == f"shiftwell: {said}\n"


def test_the_command_line_translates_without_qt_widgets_or_an_application(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from shiftwell.cli import main\n"
        f"code = main(['status', '--data-dir', {str(tmp_path)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6.Qt'))\n"
        "print(code, QCoreApplication.instance() is None, *loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=shiftwell_env(SPANISH),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "True", "PySide6.QtCore", "PySide6.QtNetwork"]
    assert "Shiftwell no está en marcha" in result.stderr
