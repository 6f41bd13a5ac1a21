"""Call detection: pactl's output as captured from a real PulseAudio 16 (a headset microphone,
a monitor of the speakers, a pavucontrol level meter and a call app recording), and the real
subprocess path against fake `pactl` programs."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from shiftwell.platform.calls import (
    PulseCallDetector,
    SourceOutput,
    parse_short_sources,
    parse_source_outputs_json,
    parse_source_outputs_text,
    recording_streams,
)
from tests.helpers.fakes_idle import FakeCallDetector, fake_program
from tests.helpers.process import wait_for

DATA = Path(__file__).parent / "data"
SOURCES = {0: "speakers.monitor", 1: "headset_mic"}
CALL_APP_PID = 10266  # the "Zoom" stream in pactl_source_outputs_call.*


def captured(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


# --- parsing -------------------------------------------------------------------------------------


def test_short_sources_map_index_to_name() -> None:
    assert parse_short_sources(captured("pactl_sources_short.txt")) == SOURCES


def test_short_sources_reject_a_line_they_cannot_read() -> None:
    with pytest.raises(ValueError, match="unexpected line in pactl's source list: 'Connection"):
        parse_short_sources("Connection failure: Connection refused\n")


@pytest.mark.parametrize("scenario", ["call", "quiet", "none"])
def test_plain_listing_reads_the_same_as_json(scenario: str) -> None:
    from_json = parse_source_outputs_json(captured(f"pactl_source_outputs_{scenario}.json"))
    from_text = parse_source_outputs_text(captured(f"pactl_source_outputs_{scenario}.txt"))
    assert from_text == from_json


def test_source_outputs_keep_index_source_corked_and_properties() -> None:
    outputs = parse_source_outputs_text(captured("pactl_source_outputs_call.txt"))
    assert [(o.index, o.source, o.corked) for o in outputs] == [
        (2, 0, False),
        (3, 1, False),
        (4, 1, False),
    ]
    call = outputs[2].properties
    assert call["application.name"] == 'Zoom "Workplace"'  # pactl's \" unescaped
    assert call["application.process.id"] == str(CALL_APP_PID)
    assert outputs[1].properties["application.id"] == "org.PulseAudio.pavucontrol"


@pytest.mark.parametrize(
    ("scenario", "counted"),
    [("call", [4]), ("quiet", []), ("none", [])],
)
def test_only_a_stream_from_a_real_microphone_counts(scenario: str, counted: list[int]) -> None:
    outputs = parse_source_outputs_json(captured(f"pactl_source_outputs_{scenario}.json"))
    streams = recording_streams(outputs, SOURCES, own_pid=1)
    assert [stream.index for stream in streams] == counted


def test_our_own_recording_does_not_count() -> None:
    outputs = parse_source_outputs_json(captured("pactl_source_outputs_call.json"))
    assert recording_streams(outputs, SOURCES, own_pid=CALL_APP_PID) == []


def test_a_paused_stream_does_not_count() -> None:
    entries = json.loads(captured("pactl_source_outputs_call.json"))
    entries[2]["corked"] = True
    outputs = parse_source_outputs_json(json.dumps(entries))
    assert recording_streams(outputs, SOURCES, own_pid=1) == []


def test_a_stream_on_no_listed_source_does_not_count() -> None:
    unlinked = SourceOutput(index=9, source=4294967295, corked=False)
    assert recording_streams([unlinked], SOURCES, own_pid=1) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Connection failure: Connection refused", "not JSON"),
        ('{"index": 1}', "not a list"),
        ("[7]", "unexpected source output"),
        ('[{"index": 1, "source": "1", "corked": false}]', "lacks index, source, corked"),
    ],
    ids=["not-json", "object", "number", "source-as-text"],
)
def test_json_listing_rejects_what_it_cannot_read(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_source_outputs_json(text)


def test_plain_listing_rejects_a_stream_without_its_fields() -> None:
    text = captured("pactl_source_outputs_call.txt").replace("\tCorked: no\n", "", 1)
    with pytest.raises(ValueError, match=r"source output #2 lacks a Source index or Corked"):
        parse_source_outputs_text(text)


def test_fake_call_detector_answers_what_it_is_told() -> None:
    detector = FakeCallDetector()
    assert detector.microphone_in_use() is False
    detector.in_use = None
    assert detector.microphone_in_use() is None


# --- the real subprocess path, against fake pactl programs ---------------------------------------


def fake_pactl(bin_dir: Path, scenario: str, *, json_support: bool = True) -> Path:
    """A pactl that prints the captured listing and notes each run (LC_ALL, then its args)."""
    runs = bin_dir / "runs.log"
    json_answer = (
        f'cat "{DATA}/pactl_source_outputs_{scenario}.json"'
        if json_support
        else "echo \"pactl: unrecognized option '--format=json'\" >&2; exit 1"
    )
    fake_program(
        bin_dir,
        "pactl",
        f'echo "$LC_ALL $*" >> "{runs}"\n'
        'case "$*" in\n'
        f'  "--format=json list source-outputs") {json_answer} ;;\n'
        f'  "list source-outputs") cat "{DATA}/pactl_source_outputs_{scenario}.txt" ;;\n'
        f'  "list short sources") cat "{DATA}/pactl_sources_short.txt" ;;\n'
        '  *) echo "unexpected arguments: $*" >&2; exit 9 ;;\n'
        "esac\n",
    )
    return runs


def runs_of(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines()


def test_sees_a_call_through_pactl_json(bin_dir: Path) -> None:
    runs = fake_pactl(bin_dir, "call")
    assert PulseCallDetector(own_pid=1).microphone_in_use() is True
    assert runs_of(runs) == ["C --format=json list source-outputs", "C list short sources"]


@pytest.mark.parametrize("scenario", ["quiet", "none"])
def test_sees_no_call_through_pactl_json(bin_dir: Path, scenario: str) -> None:
    fake_pactl(bin_dir, scenario)
    assert PulseCallDetector(own_pid=1).microphone_in_use() is False


def test_nothing_recording_needs_one_pactl_run(bin_dir: Path) -> None:
    runs = fake_pactl(bin_dir, "none")
    assert PulseCallDetector(own_pid=1).microphone_in_use() is False
    assert runs_of(runs) == ["C --format=json list source-outputs"]


def test_older_pactl_without_json_is_read_in_plain_text_from_then_on(bin_dir: Path) -> None:
    runs = fake_pactl(bin_dir, "call", json_support=False)
    detector = PulseCallDetector(own_pid=1)
    assert detector.microphone_in_use() is True
    assert detector.microphone_in_use() is True
    assert runs_of(runs) == [
        "C --format=json list source-outputs",
        "C list source-outputs",
        "C list short sources",
        "C list source-outputs",  # JSON is not asked for again
        "C list short sources",
    ]


def test_a_failing_pactl_is_unknown_and_said_once(
    bin_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake_program(bin_dir, "pactl", 'echo "Connection failure: Connection refused" >&2\nexit 1\n')
    detector = PulseCallDetector()
    assert detector.microphone_in_use() is None
    assert detector.microphone_in_use() is None
    notes = [r for r in caplog.records if "microphone" in r.getMessage()]
    assert len(notes) == 1
    assert notes[0].levelno == logging.INFO
    assert "failed (1): Connection failure: Connection refused" in notes[0].getMessage()


def test_a_hanging_pactl_is_given_up_on_after_the_timeout(
    bin_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake_program(bin_dir, "pactl", "exec sleep 30\n")
    started = time.monotonic()
    assert PulseCallDetector(timeout=0.5).microphone_in_use() is None
    assert time.monotonic() - started < 5
    assert any("pactl gave no answer in 0.5 s" in r.getMessage() for r in caplog.records)


def test_pactl_printing_nonsense_is_unknown(
    bin_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake_program(bin_dir, "pactl", 'echo "Segmentation fault"\n')
    assert PulseCallDetector().microphone_in_use() is None
    assert any("not JSON" in r.getMessage() for r in caplog.records)


def test_without_pactl_it_is_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert PulseCallDetector().microphone_in_use() is None
    assert any("pactl not found" in r.getMessage() for r in caplog.records)


def test_a_pactl_that_recovers_is_believed_again(bin_dir: Path) -> None:
    fake_program(bin_dir, "pactl", "exit 1\n")
    detector = PulseCallDetector(own_pid=1)
    assert detector.microphone_in_use() is None
    fake_pactl(bin_dir, "call")
    assert detector.microphone_in_use() is True


# --- a real PulseAudio, where the system has one --------------------------------------------------

_PULSE_PROGRAMS = ("pulseaudio", "pactl", "parecord")
_PULSE_CONFIG = """\
load-module module-native-protocol-unix
load-module module-null-sink sink_name=speakers
load-module module-null-source source_name=headset_mic
"""


@contextmanager
def started(command: list[str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def count_source_outputs() -> int:
    done = subprocess.run(
        ["pactl", "list", "short", "source-outputs"], capture_output=True, text=True, timeout=10
    )
    return len(done.stdout.splitlines()) if done.returncode == 0 else -1


@pytest.mark.skipif(
    not all(shutil.which(program) for program in _PULSE_PROGRAMS),
    reason="needs PulseAudio and its tools (pulseaudio, pulseaudio-utils)",
)
def test_a_real_pulseaudio_tells_a_call_from_a_screen_recording(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    config = tmp_path / "default.pa"
    config.write_text(_PULSE_CONFIG, encoding="utf-8")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    socket = runtime / "pulse" / "native"
    monkeypatch.setenv("PULSE_SERVER", f"unix:{socket}")  # never the desktop's own server
    daemon = ["pulseaudio", "-n", "-F", str(config), "--daemonize=no", "--exit-idle-time=-1"]
    detector = PulseCallDetector()
    with started(daemon):
        wait_for(lambda: count_source_outputs() == 0, timeout=20, what="PulseAudio to answer")
        assert detector.microphone_in_use() is False
        with started(["parecord", "--device=speakers.monitor", os.devnull]):
            wait_for(lambda: count_source_outputs() == 1, timeout=20, what="the screen recording")
            assert detector.microphone_in_use() is False
        with started(["parecord", "--device=headset_mic", os.devnull]):
            wait_for(lambda: detector.microphone_in_use() is True, timeout=20, what="the call")
        wait_for(lambda: count_source_outputs() == 0, timeout=20, what="the call to end")
        assert detector.microphone_in_use() is False
