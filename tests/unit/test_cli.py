"""The `shiftwell` command's arguments and error messages, run as a real process."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QLockFile

from shiftwell import __version__
from shiftwell.platform.instance import socket_path
from shiftwell.storage.database import DATABASE_NAME
from tests.helpers.calendars import WEEKLY_CHICAGO
from tests.helpers.feed_server import FeedScript, feed_server
from tests.helpers.instance import canned_server
from tests.helpers.process import run_cli, shiftwell_env
from tests.helpers.seed import (
    Seeder,
    create_database,
    seed_fixed_breaks,
    seed_reference_fortnight,
)


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


# -- `stats` and the instance socket in Spanish -----------------------------------------------


@pytest.mark.parametrize(
    ("week", "english", "spanish"),
    [
        (
            "2026-W60",
            "2026 has weeks 1 to 53, not week 60",
            "2026 tiene las semanas de la 1 a la 53; la semana 60 no existe",
        ),
        (
            "W48",
            "'W48' is not an ISO week; write it like 2026-W48",
            "'W48' no es una semana ISO; escríbela así: 2026-W48",
        ),
        (
            "9999-W01",
            "year 9999 is out of range (2 to 9998)",
            "el año 9999 está fuera de rango (de 2 a 9998)",
        ),
    ],
)
def test_a_week_that_does_not_exist_is_refused_in_spanish(
    tmp_path: Path, week: str, english: str, spanish: str
) -> None:
    for env, said in (({}, english), (SPANISH, spanish)):
        result = run_cli("stats", "--week", week, "--data-dir", str(tmp_path), env=env)
        assert result.returncode == 2
        assert result.stderr == f"shiftwell: --week: {said}\n"
        assert result.stdout == ""


@pytest.fixture
def seeded(tmp_path: Path) -> list[str]:
    """Options pointing `shiftwell stats` at week 48 of the reference fortnight, in Berlin."""
    data = tmp_path / "data"
    data.mkdir()
    engine = create_database(data / DATABASE_NAME)
    try:
        seed_reference_fortnight(Seeder(engine))
    finally:
        engine.dispose()
    config = tmp_path / "config.toml"
    config.write_text('[schedule]\ntimezone = "Europe/Berlin"\n', encoding="utf-8")
    return ["--data-dir", str(data), "--config", str(config), "--week", "2026-W48"]


def stats_output(options: list[str], output: str, env: dict[str, str]) -> bytes:
    """`shiftwell stats` as raw bytes: no newline translation hides a difference."""
    result = subprocess.run(
        [sys.executable, "-m", "shiftwell", "stats", *options, "--format", output],
        capture_output=True,
        timeout=60,
        env=shiftwell_env(env),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    return result.stdout


def test_the_stats_table_speaks_spanish(seeded: list[str]) -> None:
    english = stats_output(seeded, "table", {}).decode("utf-8").splitlines()
    assert english[0] == "Shiftwell — Week 48 · 23 Nov \u2013 29 Nov 2026 (Europe/Berlin)"
    lines = stats_output(seeded, "table", SPANISH).decode("utf-8").splitlines()
    assert len(lines) == len(english)
    assert lines[0] == "Shiftwell — Semana 48 · 23 nov \u2013 29 nov 2026 (Europe/Berlin)"
    assert lines[2].split() == ["esta", "semana", "semana", "pasada"]

    def row(label: str) -> list[str]:
        [found] = [line for line in lines if line.startswith(f"{label}  ")]
        return found.removeprefix(label).split()

    assert row("Horas trabajadas") == ["35.3", "h", "21.0", "h"]
    assert row("Horas previstas") == ["40.0", "h", "24.0", "h"]
    assert " ".join(row("Desconexión a tiempo")) == "60 % (3 de 5) 67 % (2 de 3)"
    assert " ".join(row("Descansos respetados")) == "55 % (6 de 11) 67 % (2 de 3)"
    assert " ".join(row("Horas extra")) == "1 h 05 min de 2 h 1 h de 2 h"
    assert row("Días fuera del horario") == ["1", "1"]
    assert row("Día") == [
        *("Previsto", "Trabajado", "Concentración", "Respetados", "Naturales", "Pospuestos"),
        *("Saltados", "Fin", "previsto", "Desconexión", "Retraso", "Horas", "extra", "Check-in"),
    ]
    assert row("lun 23 nov")[-4:] == ["17:00", "a", "tiempo", "4.0"]
    assert row("mar 24 nov")[-6:] == ["17:45", "45", "min", "45", "min", "2.0"]
    assert row("mié 25 nov") == ["—", "—", "—"]
    assert lines[lines.index("Horas extra:") :] == [
        "Horas extra:",
        "  mar 24 nov  45 min  customer call ran long",
        "  vie 27 nov  10 min  handover",
        "  vie 27 nov  10 min  ticket backlog",
        "",
    ]


@pytest.mark.parametrize(("output", "sample"), [("csv", b"2026-11-24"), ("json", b"2026-W48")])
def test_stats_files_are_the_same_in_every_language(
    seeded: list[str], output: str, sample: bytes
) -> None:
    english = stats_output(seeded, output, {})
    assert sample in english
    assert stats_output(seeded, output, SPANISH) == english


def test_a_socket_that_is_not_shiftwell_is_reported_in_spanish(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with canned_server(socket_path(data), b"hello\n"):
        result = run_cli("status", "--data-dir", str(data), env=SPANISH)
    assert result.returncode == 3
    assert result.stderr == "shiftwell: respuesta mal formada de Shiftwell: b'hello'\n"
    assert result.stdout == ""


def test_a_second_tray_for_the_same_data_dir_says_so_in_spanish(tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config.toml"
    # What a starting Shiftwell holds: the lock beside its socket, here without a socket, so
    # the command finds nobody to hand over to and the tray itself finds the lock taken.
    lock = QLockFile(f"{socket_path(data)}.lock")
    assert lock.tryLock(0)
    try:
        said = {
            language: run_cli(
                *("--data-dir", str(data), "--config", str(config), "--tray-wait", "0s"),
                env={"SHIFTWELL_LANG": language, "QT_QPA_PLATFORM": "offscreen"},
            )
            for language in ("en", "es")
        }
    finally:
        lock.unlock()
    assert [result.returncode for result in said.values()] == [0, 0]
    assert said["en"].stdout == f"Shiftwell is already running for {data}.\n"
    assert said["es"].stdout == f"Shiftwell ya está en marcha para {data}.\n"


# -- options before or after the command ---------------------------------------------------------


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_options_work_before_or_after_the_command(tmp_path: Path, before: bool) -> None:
    data = tmp_path / "profile-b"
    options = ["--data-dir", str(data), "--config", str(tmp_path / "b.toml"), "-v"]
    args = [*options, "end-shift"] if before else ["end-shift", *options]
    result = run_cli(*args)
    assert result.returncode == 3
    assert result.stderr == not_running(data)


def test_an_option_given_before_and_after_the_command_takes_the_later(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    result = run_cli("--data-dir", str(first), "status", "--data-dir", str(second))
    assert result.returncode == 3
    assert result.stderr == not_running(second)


def test_tray_wait_works_after_run_too() -> None:
    result = run_cli("run", "--tray-wait", "soon")
    assert result.returncode == 2
    assert "argument --tray-wait: 'soon' is not a duration" in result.stderr


# -- out-of-range values: one sentence, never a traceback -------------------------------------


def one_sentence_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    *usage, line = result.stderr.splitlines()
    # Only argparse's usage (wrapped over a few lines) may come before the error.
    assert all(u.startswith(("usage: ", " ")) for u in usage), result.stderr
    return line


@pytest.mark.parametrize(
    "args",
    [
        ("--tray-wait", "99999999999999h"),
        ("run", "--tray-wait", "99999999999999h"),
        ("pause", "99999999999999h"),
        ("overtime", "99999999999999h", "--reason", "backlog"),
    ],
)
def test_a_duration_too_long_for_the_calendar_is_refused(args: tuple[str, ...]) -> None:
    line = one_sentence_error(run_cli(*args))
    assert "'99999999999999h' is too long" in line


@pytest.mark.parametrize("command", ["pause", "overtime"])
def test_a_zero_duration_is_refused_rather_than_meaning_until_resumed(
    tmp_path: Path, command: str
) -> None:
    reason = ["--reason", "x"] if command == "overtime" else []
    result = run_cli(command, "0s", *reason, "--data-dir", str(tmp_path))
    assert "'0s' must be longer than zero" in one_sentence_error(result)


@pytest.fixture
def seeded_fixed(seeded: list[str]) -> list[str]:
    """The reference fortnight with fixed breaks on its shifts."""
    engine = create_database_at(seeded)
    try:
        seed_fixed_breaks(Seeder(engine))
    finally:
        engine.dispose()
    return seeded


def create_database_at(options: list[str]) -> sa.Engine:
    return sa.create_engine(f"sqlite:///{Path(options[1]) / DATABASE_NAME}")


def test_stats_json_has_the_fixed_breaks_figures_and_each_break(seeded_fixed: list[str]) -> None:
    shown = json.loads(stats_output(seeded_fixed, "json", {}))
    assert shown["headline"]["fixed_breaks"] == {
        "breaks": 7,
        "on_schedule": 3,
        "on_schedule_rate": 3 / 7,
        "back_late": 2,
        "back_late_seconds": 540,
        "lunches": 3,
        "lunches_in_full": 2,
        "lunches_in_full_rate": 2 / 3,
        "missed": 1,
    }
    assert shown["previous_week"]["fixed_breaks"]["on_schedule"] == 2
    assert shown["days"][1]["fixed_breaks"]["missed"] == 1
    first, *_rest, last = shown["fixed_breaks"]
    assert first == {
        "day": "2026-11-23",
        "shift_id": first["shift_id"],
        "id": first["id"],
        "kind": "break",
        "title": "Break",
        "planned_start": "2026-11-23T10:30:00+01:00",
        "planned_end": "2026-11-23T10:45:00+01:00",
        "actual_start": "2026-11-23T10:30:00+01:00",
        "actual_end": "2026-11-23T10:45:00+01:00",
        "on_schedule": True,
        "missed": False,
    }
    assert last["kind"] == "lunch" and last["actual_end"] == "2026-11-26T13:00:40+01:00"
    assert len(shown["fixed_breaks"]) == 7


def test_stats_json_without_fixed_breaks_keeps_its_shape_with_zeros(seeded: list[str]) -> None:
    shown = json.loads(stats_output(seeded, "json", {}))
    assert shown["headline"]["fixed_breaks"]["breaks"] == 0
    assert shown["headline"]["fixed_breaks"]["on_schedule_rate"] is None
    assert shown["fixed_breaks"] == []
    table = stats_output(seeded, "table", {}).decode("utf-8")
    assert "schedule" not in table.split("Day ")[0].replace("outside the schedule", "")


def test_stats_table_and_csv_carry_the_fixed_breaks(seeded_fixed: list[str]) -> None:
    lines = stats_output(seeded_fixed, "table", {}).decode("utf-8").splitlines()

    def row(label: str) -> str:
        [found] = [line for line in lines if line.startswith(f"{label}  ")]
        return " ".join(found.removeprefix(label).split())

    assert row("Fixed breaks on schedule") == "43 % (3 of 7) 67 % (2 of 3)"
    assert row("Back late from breaks") == "9 min 0 min"
    assert row("Lunches taken in full") == "67 % (2 of 3) 50 % (1 of 2)"
    assert row("Fixed breaks missed") == "1 of 7 1 of 3"
    spanish = stats_output(seeded_fixed, "table", SPANISH).decode("utf-8")
    assert "Fixed breaks" not in spanish and "Lunches" not in spanish
    text = stats_output(seeded_fixed, "fixed-csv", {}).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    kept = ["true", "true", "false", "false", "false", "false", "true"]
    assert [r["on_schedule"] for r in rows] == kept
    assert rows[3]["missed"] == "true" and rows[3]["actual_start"] == ""
    assert rows[2]["start_offset_seconds"] == "360" and rows[4]["end_offset_seconds"] == "-600"
    assert stats_output(seeded_fixed, "fixed-csv", SPANISH).decode("utf-8") == text


def test_the_first_week_of_year_one_is_refused_with_a_sentence(seeded: list[str]) -> None:
    options = [*seeded[:-1], "0001-W01"]
    result = run_cli("stats", *options)
    line = one_sentence_error(result)
    assert line == "shiftwell: --week: year 1 is out of range (2 to 9998)"


def test_an_overtime_reason_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    reason = b"caf\xe9 backlog"  # Latin-1 bytes from a script
    result = subprocess.run(
        [sys.executable, "-m", "shiftwell", "overtime", "15m", "--reason", reason],
        capture_output=True,
        text=True,
        timeout=60,
        env=shiftwell_env({"SHIFTWELL_DATA_DIR": str(tmp_path)}),
        check=False,
    )
    line = one_sentence_error(result)
    assert line == "shiftwell: --reason is not valid UTF-8 text"


def test_stats_survives_a_settings_file_nested_500_deep(seeded: list[str], tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("a = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = run_cli("stats", *seeded, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and '"week": "2026-W48"' in result.stdout


# -- `schedule` -------------------------------------------------------------------------------

FIXED_BREAKS_CONFIG = """
[schedule]
timezone = "America/New_York"
monday = "09:00-17:30"
saturday = "off"
breaks = ["10:30 15m", "12:30 30m lunch", "15:15 15m"]
days_off = ["2026-11-03"]
[schedule.breaks_by_day]
friday = ["10:30 15m", "12:00 45m lunch"]
"""


def test_schedule_prints_the_days_with_their_fixed_breaks_as_json(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(FIXED_BREAKS_CONFIG, encoding="utf-8")
    options = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    # The week New York leaves summer time (Sunday 1 November 2026).
    result = run_cli("schedule", "--from", "2026-10-30", "--days", "4", "--json", *options)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["source"] == "settings"
    assert plan["fetched_at"] is None
    assert [day["date"] for day in plan["days"]] == [
        "2026-10-30",
        "2026-10-31",
        "2026-11-01",
        "2026-11-02",
    ]
    friday, saturday, sunday, monday = plan["days"]
    assert friday["shifts"][0]["breaks"] == [
        {
            "start": "2026-10-30T10:30:00-04:00",
            "end": "2026-10-30T10:45:00-04:00",
            "kind": "break",
            "title": "Break",
        },
        {
            "start": "2026-10-30T12:00:00-04:00",
            "end": "2026-10-30T12:45:00-04:00",
            "kind": "lunch",
            "title": "Lunch",
        },
    ]
    assert saturday["shifts"] == sunday["shifts"] == []
    (shift,) = monday["shifts"]
    assert (shift["start"], shift["end"]) == (
        "2026-11-02T09:00:00-05:00",
        "2026-11-02T17:30:00-05:00",
    )
    assert [b["start"] for b in shift["breaks"]] == [
        "2026-11-02T10:30:00-05:00",
        "2026-11-02T12:30:00-05:00",
        "2026-11-02T15:15:00-05:00",
    ]


def test_schedule_as_text_says_where_the_days_come_from_and_keeps_days_off(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(FIXED_BREAKS_CONFIG, encoding="utf-8")
    result = run_cli("schedule", "--from", "2026-11-02", "--days", "2", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"From the settings in {config}.",
        "Mon 2026-11-02  09:00-17:30",
        "                  break 10:30-10:45",
        "                  lunch 12:30-13:00",
        "                  break 15:15-15:30",
        "Tue 2026-11-03  off",
    ]


def test_schedule_names_a_break_outside_its_shift_and_a_bad_count(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[schedule]\nbreaks = ["08:00 15m"]\n', encoding="utf-8")
    result = run_cli("schedule", "--days", "1", "--json", "--config", str(config))
    assert result.returncode == 0
    assert result.stderr == (
        f"shiftwell: {config}: schedule.breaks: '08:00 15m' is outside the shifts on monday "
        "('09:00-17:00'); using the default\n"
    )
    refused = run_cli("schedule", "--days", "0", "--config", str(config))
    assert refused.returncode == 2
    assert "'0' must be a whole number from 1 to 366" in refused.stderr


def test_schedule_from_a_calendar_feed_is_fetched_once_then_read_from_its_copy(
    tmp_path: Path,
) -> None:
    script = FeedScript(body=WEEKLY_CHICAGO.encode())
    config = tmp_path / "config.toml"
    options = ["--from", "2026-11-02", "--days", "3", "--json", "--config", str(config)]
    options += ["--data-dir", str(tmp_path / "data")]
    with feed_server(script) as base:
        config.write_text(
            f'[schedule]\ntimezone = "Europe/Berlin"\ncalendar = "{base}/agent.ics?token=s3cr3t"\n',
            encoding="utf-8",
        )
        fetched = run_cli("schedule", *options)
    offline = run_cli("schedule", *options)  # the server is gone; the copy is fresh enough
    assert len(script.requests) == 1
    for result in (fetched, offline):
        assert result.returncode == 0, result.stderr
        plan = json.loads(result.stdout)
        assert plan["source"] == "calendar"
        assert plan["calendar"] == "127.0.0.1"
        assert plan["fetched_at"] is not None
        monday, _tuesday, wednesday = plan["days"]
        assert monday["shifts"][0]["start"] == "2026-11-02T15:00:00+01:00"
        assert [b["kind"] for b in monday["shifts"][0]["breaks"]] == ["break", "lunch"]
        assert monday["shifts"][0]["breaks"][1]["title"] == "Meal period"
        assert wednesday["shifts"] == []
    assert "s3cr3t" not in fetched.stdout + fetched.stderr


def test_schedule_says_why_an_unreachable_calendar_leaves_the_settings_in_charge(
    tmp_path: Path,
) -> None:
    with feed_server(FeedScript(status=404)) as base:
        config = tmp_path / "config.toml"
        config.write_text(f'[schedule]\ncalendar = "{base}/gone.ics"\n', encoding="utf-8")
        result = run_cli(
            "schedule",
            "--from",
            "2026-11-30",
            "--days",
            "1",
            "--config",
            str(config),
            "--data-dir",
            str(tmp_path / "data"),
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        f"From the settings in {config}.",
        "The calendar from 127.0.0.1 could not be fetched (HTTP 404). Until the calendar can "
        "be read, the schedule in the settings applies.",
        "Mon 2026-11-30  09:00-17:00",
    ]
