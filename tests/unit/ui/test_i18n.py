"""Shiftwell in Spanish: the shell and the core's messages switch language, and back.

Also checks the translation files themselves: every message translated with its
placeholders and mnemonics intact, the .qm compiled from the .ts, and the .ts in step with
the code.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from shiftwell import app as app_module
from shiftwell.core import i18n as core_i18n
from shiftwell.core.engine import Tally
from shiftwell.core.model import Skip, State
from shiftwell.core.settings import SettingProblem, Settings, apply_policy, settings_from_mapping
from shiftwell.platform.commands import CommandRunner
from shiftwell.platform.instance import InstanceError, NoInstance, send_request, socket_path
from shiftwell.storage.connection import Database
from shiftwell.storage.database import (
    DATABASE_NAME,
    DatabaseTooNew,
    DatabaseUnavailable,
    open_database,
)
from shiftwell.storage.durable import DurableRecorder
from shiftwell.storage.repository import Repository
from shiftwell.ui import text
from shiftwell.ui.i18n import LANG_VARIABLE, _t, install_translation, remove_translation
from shiftwell.ui.logoff.logoff_screen import LogoffScreen
from shiftwell.ui.settings.dialog import SettingsDialog
from shiftwell.ui.settings.fields import TextField
from shiftwell.ui.tray.tray import TrayMenu
from tests.helpers.instance import canned_server
from tests.helpers.shell import Harness

HarnessFactory = Callable[..., Harness]

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = ROOT / "resources" / "translations"
SPANISH_TS = TRANSLATIONS / "shiftwell_es.ts"
SPANISH_QM = TRANSLATIONS / "shiftwell_es.qm"

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")
MNEMONIC = re.compile(r"&([^&])")


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """No language from the environment; whatever a test installs is removed after it."""
    monkeypatch.delenv(LANG_VARIABLE, raising=False)
    yield qapp
    remove_translation(qapp)
    assert core_i18n._("Can't skip now.") == "Can't skip now."


@pytest.fixture
def spanish(english: QApplication) -> QApplication:
    assert install_translation(english, "es") == "es"
    return english


def mnemonics(label: str) -> list[str]:
    """The Alt+letter keys in `label` ("&&" is a plain "&")."""
    return MNEMONIC.findall(label.replace("&&", ""))


def no_handlers() -> dict[str, Callable[[], None]]:
    return {key: lambda: None for key in ("overtime", "stats", "settings", "quit")}


# -- Spanish in the running shell -------------------------------------------------------------


def test_the_tray_menu_speaks_spanish(spanish: QApplication, harness: Harness) -> None:
    labels = {key: action.text() for key, action in harness.shell.menu.actions.items()}
    assert labels["start_shift"] == "Empezar turno"
    assert labels["end_shift"] == "Terminar turno"
    assert labels["quit"] == "Salir de Shiftwell"
    assert harness.shell.menu.break_menu.title() == "Tomar un descanso ahora"
    assert harness.shell.menu.header.text() == "Fuera de turno — empieza un turno desde este menú"
    harness.click("start_shift")
    assert harness.shell.menu.header.text() == "Concentración — microdescanso en 20 min"
    tooltip = harness.shell.tray.icon.toolTip()
    assert "Concentración — microdescanso en 20 min" in tooltip
    assert "El turno termina a las" in tooltip


def test_headlines_and_announcements_keep_their_numbers(
    spanish: QApplication, harness: Harness
) -> None:
    harness.click("start_shift")
    harness.clock.advance(20 * 60 - 30)
    assert harness.notifier.sent[-1] == ("Microdescanso en 30 s", "Termina lo que estás haciendo.")
    status = harness.shell.status()
    assert status is not None and status.state is State.BREAK_DUE
    assert text.headline(status, harness.clock.monotonic()) == "Microdescanso en 30 s"
    assert text.span(3 * 3600 + 5 * 60) == "3 h 05 min"
    harness.clock.advance(30)
    assert harness.notifier.titles[-1] == "Microdescanso — 20 s"
    assert harness.shell.menu.actions["postpone"].text() == "Posponer descanso (quedan 3)"


def test_engine_rejections_reach_the_user_in_spanish(
    spanish: QApplication, harness: Harness
) -> None:
    harness.click("start_shift")
    harness.shell.submit(Skip())  # focus: there is no break to skip
    assert harness.notifier.sent[-1] == (
        "Shiftwell",
        "Ahora no puedes saltarte el descanso: estás en tiempo de concentración.",
    )
    harness.clock.advance(20 * 60)  # into the micro break; skipping waits 5 s
    harness.shell.submit(Skip())
    assert harness.notifier.sent[-1] == ("Shiftwell", "Espera 5 s primero.")


def test_the_log_off_screen_speaks_spanish(spanish: QApplication, harness: Harness) -> None:
    harness.click("start_shift")
    harness.clock.advance(8 * 3600)
    screen = harness.shell._logoff
    assert isinstance(screen, LogoffScreen) and screen.view is not None
    [window, *_] = screen.windows
    assert window.headline.text() == "Tu turno ha terminado — hora de desconectar"
    summary = [line.text() for line in window.summary_lines]
    assert summary[0] == "Tiempo de concentración: 6 h 44 min"
    assert re.fullmatch(r"\d+ descansos respetados", summary[1])
    assert window.close_button.text() == "Cerrar"
    assert window.more_time.text() == "Necesito más tiempo…"
    picks = [pick.text() for pick in window.panel.reason_buttons]
    assert picks == ["Cliente escalado", "Traspaso", "Caída del sistema", "Cola acumulada"]


def test_plurals_follow_spanish_rules(spanish: QApplication) -> None:
    one = text.summary(Tally(focus_seconds=60, breaks_kept=1))
    many = text.summary(Tally(focus_seconds=60, breaks_kept=0))
    assert one[1] == "1 descanso respetado"
    assert many[1] == "0 descansos respetados"


def test_the_settings_dialog_and_qts_own_buttons_speak_spanish(
    spanish: QApplication, qtbot: QtBot
) -> None:
    dialog = SettingsDialog(Settings(), frozenset(), None, start_command=["shiftwell"])
    qtbot.add_widget(dialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs[0] == "&Horario"
    assert dialog.save_button.text() == "&Guardar"
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and "Cancelar" in cancel.text()  # from Qt's own translation
    # Alt+letter still reaches every field: one letter each on a tab, none taken twice.
    shared = [*tabs, dialog.save_button.text(), cancel.text()]
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        assert page is not None
        texts = [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None]
        texts += [w.text() for w in page.findChildren(QCheckBox)]
        letters = [letter.lower() for t in shared + texts for letter in mnemonics(t)]
        assert len(letters) == len(set(letters)), (tabs[index], letters)


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("breaks.micro.every", "soon", "'soon' no es una duración (p. ej. 90s, 25m, 1h30m)"),
        ("breaks.long.length", "3h", "'3h' está fuera de rango (de 1m a 2h)"),
        (
            "schedule.friday",
            "9-17 h",
            '\'9-17 h\' no es un turno (p. ej. "09:00-17:00", "09:00-12:00, 13:00-17:00", '
            '"22:00-06:00" u "off")',
        ),
        (
            "schedule.days_off",
            "2026-12-27..2026-12-24",
            "'2026-12-27..2026-12-24' termina antes de empezar",
        ),
        (
            "schedule.timezone",
            "Marte/Olimpo",
            "'Marte/Olimpo' no es una zona horaria conocida (p. ej. \"Europe/Berlin\")",
        ),
    ],
)
def test_a_bad_setting_is_explained_in_spanish_as_it_is_typed(
    spanish: QApplication, qtbot: QtBot, key: str, typed: str, message: str
) -> None:
    dialog = SettingsDialog(Settings(), frozenset(), None, start_command=["shiftwell"])
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    field = dialog.fields[key]
    assert isinstance(field, TextField)
    page = field.cell.parentWidget()
    while page is not None and dialog.tabs.indexOf(page) < 0:
        page = page.parentWidget()
    assert page is not None
    dialog.tabs.setCurrentWidget(page)
    field.line.setFocus()
    field.line.selectAll()
    QTest.keyClicks(field.line, typed)
    assert field.problem.isVisible()
    assert field.problem.text() == message  # the value as typed, in quotes, untranslated
    assert field.line.accessibleDescription() == message
    assert not dialog.save_button.isEnabled()


def by_key(problems: list[SettingProblem]) -> dict[str, str]:
    return {problem.key: problem.message for problem in problems}


def test_settings_problems_follow_the_installed_language(english: QApplication) -> None:
    config = {
        "shift": {"lenght": "8h"},
        "breaks": {"micro": {"every": "pronto", "length": "15m"}, "max_postpones": 25},
    }
    assert install_translation(english, "es") == "es"
    assert by_key(settings_from_mapping(config, "config.toml").problems) == {
        "shift.lenght": "clave desconocida (claves conocidas aquí: shift.auto_start, shift.length)",
        "breaks.micro.every": "'pronto' no es una duración (p. ej. 90s, 25m, 1h30m); "
        "se usa el valor predeterminado",
        "breaks.max_postpones": "25 está fuera de rango (de 0 a 20); "
        "se usa el valor predeterminado",
        "breaks.micro.length": "tiene que ser más corto que breaks.long.length; "
        "se usan los valores predeterminados de ambos",
    }
    remove_translation(english)
    assert by_key(settings_from_mapping(config, "config.toml").problems) == {
        "shift.lenght": "unknown key (known keys here: shift.auto_start, shift.length)",
        "breaks.micro.every": "'pronto' is not a duration (e.g. 90s, 25m, 1h30m); "
        "using the default",
        "breaks.max_postpones": "25 is out of range (0 to 20); using the default",
        "breaks.micro.length": "must be shorter than breaks.long.length; "
        "using the defaults for both",
    }


def test_the_team_policys_messages_come_in_spanish(spanish: QApplication) -> None:
    shorter = apply_policy(
        {"breaks": {"micro": {"length": "6m"}, "strictness": "gentle"}},
        {"breaks": {"long": {"length": "5m"}, "strictness": "strict"}},
        "user.toml",
        "policy.toml",
    )
    assert by_key(shorter.problems) == {
        "breaks.strictness": "fijado por la política de tu equipo (policy.toml); "
        "tu valor se ignora",
        "breaks.micro.length": "tiene que ser más corto que breaks.long.length (5m), que fija "
        "la política de tu equipo (policy.toml); se usa el valor predeterminado",
    }
    longer = apply_policy(
        {"breaks": {"long": {"length": "2m"}}},
        {"breaks": {"micro": {"length": "3m"}}},
        "user.toml",
        "policy.toml",
    )
    assert by_key(longer.problems) == {
        "breaks.long.length": "tiene que ser más largo que breaks.micro.length (3m), que fija "
        "la política de tu equipo (policy.toml); se usa el valor predeterminado",
    }


# A path with spaces, braces and non-ASCII letters, which must come through untouched.
ODD_FOLDER = "Mis datos {año} ñ"


def refusal_of_a_file_where_the_data_folder_should_be(tmp_path: Path) -> str:
    folder = tmp_path / ODD_FOLDER
    folder.parent.mkdir()
    folder.write_text("mine")
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(folder / DATABASE_NAME)
    assert folder.read_text() == "mine"
    return str(caught.value)


def refusal_of_a_database_from_a_newer_shiftwell(path: Path) -> str:
    with pytest.raises(DatabaseTooNew) as caught:
        open_database(path)
    return str(caught.value)


def test_storage_refusals_reach_the_user_in_spanish_with_their_paths_verbatim(
    english: QApplication, tmp_path: Path
) -> None:
    newer = tmp_path / ODD_FOLDER / "otra" / DATABASE_NAME
    open_database(newer).db.dispose()
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    before = newer.read_bytes()
    exists = os.strerror(errno.EEXIST)  # the system's own words, not translated

    assert install_translation(english, "es") == "es"
    assert refusal_of_a_file_where_the_data_folder_should_be(tmp_path / "es") == (
        f"no se puede crear la carpeta de datos {tmp_path / 'es' / ODD_FOLDER}: {exists}"
    )
    assert refusal_of_a_database_from_a_newer_shiftwell(newer) == (
        f"{newer} lo escribió un Shiftwell más reciente (revisión del esquema "
        "0099_from_the_future); esta versión no puede leerlo. Actualiza Shiftwell para "
        "abrirlo; el archivo no se ha tocado."
    )

    remove_translation(english)
    assert refusal_of_a_file_where_the_data_folder_should_be(tmp_path / "en") == (
        f"cannot create the data folder {tmp_path / 'en' / ODD_FOLDER}: {exists}"
    )
    assert refusal_of_a_database_from_a_newer_shiftwell(newer) == (
        f"{newer} was written by a newer Shiftwell (schema revision 0099_from_the_future); "
        "this version cannot read it. Update Shiftwell to open it; the file was left untouched."
    )
    assert newer.read_bytes() == before


def trouble_writing_to(path: Path) -> str:
    """What a recorder tells the user when its database has lost a table under it."""
    open_database(path).db.dispose()
    database = Database(path)
    try:
        with closing(sqlite3.connect(path)) as connection, connection:
            connection.execute("DROP TABLE heartbeat")
        troubles: list[str] = []
        recorder = DurableRecorder(Repository(database), troubles.append, lambda: None)
        recorder.beat(datetime(2026, 1, 5, 9, tzinfo=UTC))
    finally:
        database.close()
    [trouble] = troubles
    return trouble


@pytest.mark.logs_warnings
def test_a_failing_write_is_announced_in_spanish(english: QApplication, tmp_path: Path) -> None:
    assert install_translation(english, "es") == "es"
    assert trouble_writing_to(tmp_path / "es.sqlite3") == (
        "Shiftwell no puede escribir en su base de datos (no such table: heartbeat). Lo que "
        "pasa se conserva y se escribirá en cuanto se pueda; no se pierde nada."
    )
    remove_translation(english)
    assert trouble_writing_to(tmp_path / "en.sqlite3") == (
        "Shiftwell can't write to its database (no such table: heartbeat). What happens is "
        "kept and written as soon as it can be; nothing is lost."
    )


def what_the_client_says(name: str, reply: bytes | None) -> str:
    """`send_request`'s error for the socket `name`: nobody there (None), or a stand-in
    server that answers the request with `reply`."""
    if reply is None:
        with pytest.raises(NoInstance) as nobody:
            send_request(name, "status")
        return str(nobody.value)
    with canned_server(name, reply), pytest.raises(InstanceError) as caught:
        send_request(name, "status")
    assert not isinstance(caught.value, NoInstance)
    return str(caught.value)


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in servers use Unix sockets")
def test_the_command_lines_connection_errors_come_in_spanish(
    spanish: QApplication, tmp_path: Path
) -> None:
    names = iter(socket_path(tmp_path / f"data-{n}") for n in range(5))
    nobody = next(names)
    assert what_the_client_says(nobody, None) == (
        f"Shiftwell no está en marcha (no hay ninguna instancia en {nobody})"
    )
    assert what_the_client_says(next(names), b"[1]\n") == (
        "respuesta mal formada de Shiftwell: un array, no un objeto"
    )
    assert what_the_client_says(next(names), b"\xff{oops}\n") == (
        "respuesta mal formada de Shiftwell: b'\\xff{oops}'"
    )
    assert what_the_client_says(next(names), b'{"v": 2, "ok": true}\n') == (
        "Shiftwell respondió con la versión 2 del protocolo; este comando usa la versión 1"
    )
    remove_translation(spanish)
    assert what_the_client_says(next(names), b"[1]\n") == (
        "malformed reply from Shiftwell: an array, not an object"
    )


def test_removing_the_translation_brings_english_back(english: QApplication) -> None:
    assert install_translation(english, "es") == "es"
    spanish_menu = TrayMenu(lambda _command, _request: None, no_handlers())
    assert spanish_menu.actions["start_shift"].text() == "Empezar turno"
    remove_translation(english)
    english_menu = TrayMenu(lambda _command, _request: None, no_handlers())
    assert english_menu.actions["start_shift"].text() == "Start shift"
    assert text.span(45) == "45 s"
    assert core_i18n._("Give it {seconds} s first.") == "Give it {seconds} s first."


# -- choosing the language --------------------------------------------------------------------


def test_the_environment_variable_picks_the_language(
    english: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LANG_VARIABLE, "es_MX")  # no Mexican file: the Spanish one serves
    assert install_translation(english) == "es"
    assert core_i18n._("Can't skip now.") == "Ahora no puedes saltarte el descanso."
    assert install_translation(english, "en") is None  # the argument wins
    assert core_i18n._("Can't skip now.") == "Can't skip now."


@pytest.mark.logs_warnings
def test_a_language_without_a_translation_stays_english_and_says_so(
    english: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    assert install_translation(english, "fr") is None
    assert install_translation(english, "not a language") is None
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings == [
        "Shiftwell has no French translation yet; it stays in English",
        "'not a language' is not a language name (try e.g. 'es' or 'es_MX'); "
        "Shiftwell stays in English",
    ]
    assert core_i18n._("Can't skip now.") == "Can't skip now."


def run_with_locale(env: dict[str, str]) -> str:
    """`install_translation` in a fresh process, whose system locale comes from `env`."""
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from shiftwell.ui.i18n import install_translation\n"
        "app = QCoreApplication([])\n"
        "print(install_translation(app))\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    clean.pop(LANG_VARIABLE, None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "LANGUAGE": "", **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip()


def test_the_system_language_applies_unless_shiftwell_lang_says_otherwise() -> None:
    assert run_with_locale({"LANG": "es_ES.UTF-8"}) == "es"
    assert run_with_locale({"LANG": "es_ES.UTF-8", LANG_VARIABLE: "en"}) == "None"
    assert run_with_locale({"LANG": "C.UTF-8"}) == "None"


# -- the translation files --------------------------------------------------------------------


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def test_every_message_is_translated_with_its_placeholders_and_mnemonic() -> None:
    found = messages(SPANISH_TS)
    assert len(found) > 300
    problems = []
    for context, message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
            continue
        for form in forms(message):
            if not form.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} -> {form!r} changes the placeholders")
            elif len(mnemonics(form)) != len(mnemonics(source)):
                problems.append(f"{context}: {source!r} -> {form!r} changes the mnemonic")
    assert problems == []


def test_messages_outside_classes_share_the_shiftwell_context() -> None:
    contexts = {context for context, _ in messages(SPANISH_TS)}
    assert "shiftwell" in contexts
    assert "" not in contexts  # update.sh names lupdate's unnamed context
    assert all(re.fullmatch(r"shiftwell|[A-Z][A-Za-z]+", context) for context in contexts)


def linguist_tool(name: str) -> str | None:
    beside_python = Path(sys.executable).with_name(name)
    return str(beside_python) if beside_python.exists() else shutil.which(name)


def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    lrelease = linguist_tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "shiftwell_es.qm"
    subprocess.run(
        [lrelease, "-silent", str(SPANISH_TS), "-qm", str(fresh)], check=True, timeout=60
    )
    assert fresh.read_bytes() == SPANISH_QM.read_bytes(), "run resources/translations/update.sh"


def test_the_translation_source_lists_every_message_in_the_code(tmp_path: Path) -> None:
    """update.sh run on a copy finds nothing new and nothing gone."""
    tools = [linguist_tool(name) for name in ("pyside6-lupdate", "pyside6-lrelease")]
    if None in tools or shutil.which("bash") is None:
        pytest.skip("pyside6-lupdate / pyside6-lrelease are not installed")
    copy = tmp_path / "shiftwell_es.ts"
    shutil.copy(SPANISH_TS, copy)
    path = f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"
    subprocess.run(
        ["bash", str(TRANSLATIONS / "update.sh"), str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
        env={"PATH": path, "HOME": str(tmp_path)},
    )

    def keys(ts: Path) -> set[tuple[str, str, str, str]]:
        return {
            (
                context,
                m.findtext("source") or "",
                m.findtext("comment") or "",
                "|".join(forms(m)),
            )
            for context, m in messages(ts)
        }

    assert keys(copy) == keys(SPANISH_TS), "run resources/translations/update.sh"


def test_the_start_up_settings_announcement_speaks_spanish(spanish: QApplication) -> None:
    bad = {"breaks": {"micro": {"every": "soon"}}, "bogus": 1, "other": 2}
    told = app_module._problems(settings_from_mapping(bad, "config.toml"))
    assert told.startswith("config.toml: breaks.micro.every: 'soon' no es")
    assert told.endswith(" (y 2 más)")
    assert _t("Some settings were not understood") == "Algunos ajustes no se han entendido"


@pytest.mark.logs_warnings
def test_a_failed_hook_is_told_in_spanish(spanish: QApplication, qtbot: QtBot) -> None:
    runner = CommandRunner()
    what = _t("The {event} hook").format(event="break_start")
    with qtbot.wait_signal(runner.failed, timeout=10_000) as failed:
        runner.run(what, [sys.executable, "-c", "import sys; sys.exit(3)"], {}, 10)
    assert failed.args == [what, "El comando de break_start terminó con el estado 3."]
    qtbot.wait_until(lambda: runner.running == 0, timeout=5000)
