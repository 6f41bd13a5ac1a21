from __future__ import annotations

import os
import time
import tomllib
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from shiftwell.core.schedule import WeeklySchedule
from shiftwell.core.settings import Settings, settings_from_mapping
from shiftwell.platform.assets import asset
from shiftwell.platform.config_file import load_settings, local_timezone
from shiftwell.platform.config_save import SettingsNotSaved, save_settings


def test_shipped_default_file_documents_exactly_the_defaults() -> None:
    data = tomllib.loads(asset("default-config.toml").read_text(encoding="utf-8"))
    loaded = settings_from_mapping(data, "default-config.toml")
    assert loaded.problems == []
    assert loaded.settings == Settings()


def test_the_schedule_follows_the_users_time_zone_from_the_first_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tzlocal

    monkeypatch.setenv("TZ", "Europe/Berlin")
    tzlocal.reload_localzone()  # tzlocal caches the zone it found first
    try:
        loaded = load_settings(tmp_path / "config.toml")
    finally:
        monkeypatch.undo()
        tzlocal.reload_localzone()
    assert loaded.settings.schedule.tz == ZoneInfo("Europe/Berlin")


def local_defaults() -> Settings:
    return Settings(schedule=WeeklySchedule(local_timezone()))


def test_first_run_writes_the_commented_default(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "config.toml"
    loaded = load_settings(path)
    assert loaded.settings == local_defaults()
    assert path.read_text(encoding="utf-8") == asset("default-config.toml").read_text(
        encoding="utf-8"
    )


def test_users_file_is_read_and_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    original = '# mine\n[breaks.micro]\nevery = "15m"\nlength = "nope"\n'
    path.write_text(original, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.breaks.micro.every == timedelta(minutes=15)
    [problem] = loaded.problems
    assert str(problem).startswith(f"{path}: breaks.micro.length: 'nope' is not a duration")
    assert path.read_text(encoding="utf-8") == original


def test_broken_toml_is_reported_with_the_line_and_defaults_are_used(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[shift]\nlength = "8h\n', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == local_defaults()
    [problem] = loaded.problems
    assert str(path) in str(problem) and "not valid TOML" in str(problem)
    assert "line 2" in str(problem)
    assert path.read_text(encoding="utf-8") == '[shift]\nlength = "8h\n'


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    loaded = load_settings(path)
    assert loaded.settings == local_defaults()
    assert "can't be read" in str(loaded.problems[0])


# --- saving ----------------------------------------------------------------------------------

MINE = """\
# My Shiftwell settings -- tuned for the night desk.

[shift]
length = "8h"   # keep in sync with the rota

[breaks]
postpone = "5m"
max_postpones = 3 # three strikes

# Small ones.
[breaks.micro]
every = "20m"
length = "20s"

[breaks.long]
every  =  "50m"
length = "10m"
"""


def test_saving_changes_only_the_changed_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE, encoding="utf-8")
    save_settings(
        path, {"shift.length": "7h30m", "breaks.max_postpones": 1, "breaks.long.every": "1h"}, None
    )
    expected = (
        MINE.replace('length = "8h"   #', 'length = "7h30m"   #')
        .replace("max_postpones = 3 #", "max_postpones = 1 #")
        .replace('every  =  "50m"', 'every  =  "1h"')
    )
    assert path.read_text(encoding="utf-8") == expected
    loaded = load_settings(path, None)
    assert loaded.problems == []
    assert loaded.settings.shift.length == timedelta(hours=7, minutes=30)
    assert loaded.settings.breaks.max_postpones == 1
    assert loaded.settings.breaks.long.every == timedelta(hours=1)


def test_new_keys_go_into_their_own_table_and_new_tables_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE, encoding="utf-8")
    save_settings(
        path,
        {
            "breaks.strictness": "strict",
            "breaks.micro.length": "30s",
            "logoff.action": ["loginctl", "lock-session"],
            "hooks.logoff": ["notify-send", "Shift over"],
        },
        None,
    )
    text = path.read_text(encoding="utf-8")
    assert text == (
        MINE.replace("three strikes\n", 'three strikes\nstrictness = "strict"\n').replace(
            'length = "20s"', 'length = "30s"'
        )
        + '\n[logoff]\naction = ["loginctl", "lock-session"]\n'
        + '\n[hooks]\nlogoff = ["notify-send", "Shift over"]\n'
    )
    data = tomllib.loads(text)
    assert data["breaks"]["strictness"] == "strict"
    assert data["breaks"]["micro"] == {"every": "20m", "length": "30s"}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # after a multi-line value, above the comment and blank line that introduce the next
        (
            '[breaks]\npostpone = "5m"\nlist = [\n  1,\n]\n\n'
            '# Next.\n[breaks.micro]\nevery = "9m"\n',
            '[breaks]\npostpone = "5m"\nlist = [\n  1,\n]\nstrictness = "strict"\n\n'
            '# Next.\n[breaks.micro]\nevery = "9m"\n',
        ),
        # a table with nothing but comments: right under its header
        (
            "[breaks] # mine\n# nothing yet\n",
            '[breaks] # mine\nstrictness = "strict"\n# nothing yet\n',
        ),
        # Windows line ends stay Windows line ends; a last line without one gets one
        (
            '[breaks]\r\npostpone = "5m"\r\n\r\n[shift]\r\nlength = "8h"',
            '[breaks]\r\npostpone = "5m"\r\nstrictness = "strict"\r\n\r\n[shift]\r\nlength = "8h"',
        ),
        (
            '[breaks]\npostpone = "5m"',
            '[breaks]\npostpone = "5m"\nstrictness = "strict"\n',
        ),
        # a header-like line inside a multi-line string is not a header
        (
            '[breaks]\npostpone = "5m"\n[shift]\nnote = """\n[breaks]\n"""\n',
            '[breaks]\npostpone = "5m"\nstrictness = "strict"\n'
            '[shift]\nnote = """\n[breaks]\n"""\n',
        ),
    ],
)
def test_a_new_key_goes_under_the_tables_last_line_of_content(
    tmp_path: Path, before: str, after: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(before.encode("utf-8"))
    save_settings(path, {"breaks.strictness": "strict"}, None)
    assert path.read_bytes().decode("utf-8") == after


def test_a_new_key_in_a_table_without_a_header_is_placed_by_tomlkit(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\n[breaks.micro]\nevery = "15m"\n', encoding="utf-8")
    save_settings(path, {"breaks.strictness": "strict"}, None)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"breaks": {"strictness": "strict", "micro": {"every": "15m"}}}
    assert path.read_text(encoding="utf-8").startswith("# mine\n")


def test_dotted_and_inline_tables_are_edited_where_they_are(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'breaks.micro.every = "15m" # mine\nsounds = { enabled = true }\n', encoding="utf-8"
    )
    save_settings(path, {"breaks.micro.every": "10m", "sounds.enabled": False}, None)
    assert path.read_text(encoding="utf-8") == (
        'breaks.micro.every = "10m" # mine\nsounds = { enabled = false }\n'
    )


def test_none_removes_a_key_so_it_goes_back_to_its_default(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE, encoding="utf-8")
    save_settings(path, {"breaks.max_postpones": None, "hooks.logoff": None}, None)
    text = path.read_text(encoding="utf-8")
    assert "max_postpones" not in text and "[hooks]" not in text
    assert text == MINE.replace("max_postpones = 3 # three strikes\n", "")


def test_saving_without_a_file_starts_from_the_commented_default(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "config.toml"
    save_settings(path, {"breaks.micro.every": "25m"}, None)
    default = asset("default-config.toml").read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == default.replace('every = "20m"', 'every = "25m"')
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_crash_while_replacing_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE, encoding="utf-8")

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SettingsNotSaved, match=r"could not be written.*No space left"):
        save_settings(path, {"shift.length": "6h"}, None)
    assert path.read_text(encoding="utf-8") == MINE
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_the_files_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE, encoding="utf-8")
    path.chmod(0o640)
    save_settings(path, {"shift.length": "6h"}, None)
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_symlinked_config_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "shiftwell.toml"
    real.parent.mkdir()
    real.write_text(MINE, encoding="utf-8")
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_settings(link, {"shift.length": "6h"}, None)
    assert link.is_symlink()
    assert 'length = "6h"' in real.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"breaks.micro.every": "soon"}, r"breaks\.micro\.every: 'soon' is not a duration"),
        ({"breaks.max_postpones": 99}, r"99 is out of range \(0 to 20\)"),
        ({"shift.lenght": "8h"}, r"shift\.lenght: unknown key"),
        ({"shift.lenght": None}, r"shift\.lenght: unknown key"),
    ],
)
def test_a_bad_change_is_refused_and_nothing_is_written(
    tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MINE, encoding="utf-8")
    with pytest.raises(SettingsNotSaved, match=message):
        save_settings(path, {"shift.length": "6h", **changes}, None)
    assert path.read_text(encoding="utf-8") == MINE


def test_a_broken_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[shift]\nlength = "8h\n', encoding="utf-8")
    with pytest.raises(SettingsNotSaved, match=r"is not valid TOML.*fix it or delete it"):
        save_settings(path, {"shift.length": "6h"}, None)
    assert path.read_text(encoding="utf-8") == '[shift]\nlength = "8h\n'


def test_a_value_where_a_table_belongs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('breaks = "often"\n', encoding="utf-8")
    with pytest.raises(SettingsNotSaved, match=r"breaks in .* is not a table"):
        save_settings(path, {"breaks.micro.every": "10m"}, None)
    assert path.read_text(encoding="utf-8") == 'breaks = "often"\n'


@pytest.mark.parametrize(
    "start",
    [
        "",
        '[shift]\nlength = "8h"\n',
        '[breaks]\npostpone = "5m"\n\n# the rest later\n',
        'breaks.micro.every = "15m"\n',
        '[breaks]\nmicro = { every = "15m" }\n',
    ],
    ids=["empty", "other-table", "trailing-comment", "dotted", "inline"],
)
def test_missing_tables_are_created_and_the_result_reads_back(tmp_path: Path, start: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(start, encoding="utf-8")
    changes = {
        "breaks.micro.every": "10m",
        "breaks.postpone": "2m",
        "breaks.long.length": "12m",
        "sounds.enabled": False,
        "schedule.days_off": ["2026-12-24"],
    }
    save_settings(path, changes, None)
    text = path.read_text(encoding="utf-8")
    assert all(line in text for line in start.splitlines() if line.startswith("#"))
    loaded = load_settings(path, None)
    assert loaded.problems == []
    s = loaded.settings
    assert (s.breaks.micro.every, s.breaks.postpone) == (
        timedelta(minutes=10),
        timedelta(minutes=2),
    )
    assert (s.breaks.long.length, s.sounds.enabled) == (timedelta(minutes=12), False)
    assert len(s.schedule.days_off) == 1


# --- any file at all: read within a second, one clear problem, defaults -----------------------

ODD_FILES: dict[str, tuple[str | bytes, str]] = {
    "nested arrays": ("a = " + "[" * 500 + "]" * 500 + "\n", "nests tables or arrays more"),
    "nested tables": ("a = " + "{b=" * 100 + "1" + "}" * 100 + "\n", "nests tables"),
    "deep headers": ("[" + ".".join(["a"] * 20) + "]\nx = 1\n", "nests tables"),
    "one long line": ("[" + ".".join(["a"] * 30_000) + "]\n", "line 1 is longer than 1024"),
    "a huge file": ("# padding\n" * 200_000, "larger than 64 KiB"),
    "binary": (b"\x00\x01\xfe\xff" * 64, "not UTF-8 text: byte 0xfe at position 2"),
}


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def load_quickly(path: Path, policy: Path | None = None) -> tuple[list[str], Settings]:
    started = time.monotonic()
    loaded = load_settings(path, policy)
    assert time.monotonic() - started < 1.0
    return [str(p) for p in loaded.problems], loaded.settings


@pytest.mark.parametrize("name", ODD_FILES)
def test_an_odd_user_file_gives_one_problem_and_the_defaults(tmp_path: Path, name: str) -> None:
    content, said = ODD_FILES[name]
    path = write(tmp_path / "config.toml", content)
    problems, settings = load_quickly(path)
    assert settings == local_defaults()
    [problem] = problems
    assert problem.startswith(f"{path}: (file): ") and said in problem
    assert problem.endswith("using all defaults")


@pytest.mark.parametrize("name", ODD_FILES)
def test_an_odd_policy_file_is_not_applied_and_the_users_settings_stand(
    tmp_path: Path, name: str
) -> None:
    content, said = ODD_FILES[name]
    user = write(tmp_path / "config.toml", '[shift]\nlength = "7h"\n')
    policy = write(tmp_path / "policy.toml", content)
    problems, settings = load_quickly(user, policy)
    assert settings.shift.length == timedelta(hours=7)
    [problem] = problems
    assert said in problem and problem.endswith("the team policy is not applied")


@pytest.mark.parametrize("kind", ["folder", "fifo", "device"])
def test_something_other_than_a_file_is_refused_without_waiting_on_it(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "config.toml"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # opening it for reading would wait for a writer
    else:
        path = Path("/dev/zero")  # endless
    for user, policy in ((path, None), (tmp_path / "mine.toml", path)):
        problems, _settings = load_quickly(user, policy)
        [problem] = problems[-1:]
        expected = "a folder, not a file" if kind == "folder" else "a pipe, device or socket"
        assert problem.startswith(f"{path}: (file): can't be read (it is ") and expected in problem


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", '\ufeff[shift]\nlength = "7h"\n')
    problems, settings = load_quickly(path)
    assert problems == []
    assert settings.shift.length == timedelta(hours=7)


def test_a_file_full_of_mistakes_gives_a_few_short_lines(tmp_path: Path) -> None:
    lines = [f'key{n} = "{"x" * 900}"' for n in range(60)]
    path = write(
        tmp_path / "config.toml", "\n".join(lines) + "\n[shift]\nlength = '" + "9" * 900 + "h'\n"
    )
    problems, _settings = load_quickly(path)
    assert len(problems) == 21
    assert problems[-1] == f"{path}: (file): 41 more problems are not listed"
    assert all(len(p) < len(str(path)) + 400 for p in problems)


def test_a_file_with_a_byte_order_mark_is_saved_with_it(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINE.encode("utf-8"))
    save_settings(path, {"shift.length": "6h"}, None)
    assert path.read_bytes() == b"\xef\xbb\xbf" + MINE.replace(
        'length = "8h"   #', 'length = "6h"   #'
    ).encode("utf-8")


def test_a_file_nested_too_deep_is_not_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    deep = "x = " + "[" * 500 + "]" * 500 + "\n"
    path.write_text(deep, encoding="utf-8")
    with pytest.raises(SettingsNotSaved, match=r"is not valid TOML .*nested too deep"):
        save_settings(path, {"shift.length": "6h"}, None)
    assert path.read_text(encoding="utf-8") == deep
