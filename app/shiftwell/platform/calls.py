"""Noticing a call by itself: something is recording from a microphone.

On Linux both PulseAudio and PipeWire (through its pulse server) list their recording streams
("source outputs") to `pactl`. A stream counts when it records from a real source: not from a
monitor of an output (screen recorders, visualisers), not a level meter, not paused (corked),
and not Shiftwell itself.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)

_PACTL_TIMEOUT_S = 2.0
# Streams that only draw a level meter (pavucontrol's "Peak detect" on every source).
_LEVEL_METERS = frozenset({"org.PulseAudio.pavucontrol"})


class CallDetector(Protocol):
    def microphone_in_use(self) -> bool | None:
        """True while something records from a microphone; None when it cannot tell."""
        ...


@dataclass(frozen=True)
class SourceOutput:
    """One recording stream, as pactl lists it."""

    index: int
    source: int
    corked: bool
    properties: Mapping[str, str] = field(default_factory=dict)


# --- pactl's output ------------------------------------------------------------------------------


def parse_short_sources(text: str) -> dict[int, str]:
    """`pactl list short sources`: source index → source name."""
    sources: dict[int, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        index, _, rest = line.partition("\t")
        name = rest.partition("\t")[0]
        if not index.isdigit() or not name:
            raise ValueError(f"unexpected line in pactl's source list: {line!r}")
        sources[int(index)] = name
    return sources


def parse_source_outputs_json(text: str) -> list[SourceOutput]:
    """`pactl --format=json list source-outputs` (pactl 16 and newer)."""
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"pactl's source outputs are not JSON: {error}") from None
    if not isinstance(entries, list):
        raise ValueError(f"pactl's source outputs are not a list: {text[:80]!r}")
    return [_source_output_from_json(entry) for entry in entries]


def _source_output_from_json(entry: Any) -> SourceOutput:
    if not isinstance(entry, dict):
        raise ValueError(f"unexpected source output in pactl's JSON: {entry!r}")
    index, source, corked = entry.get("index"), entry.get("source"), entry.get("corked")
    properties = entry.get("properties", {})
    if not (
        isinstance(index, int)
        and isinstance(source, int)
        and isinstance(corked, bool)
        and isinstance(properties, dict)
    ):
        raise ValueError(f"source output lacks index, source, corked or properties: {entry!r}")
    return SourceOutput(index, source, corked, {str(k): str(v) for k, v in properties.items()})


_HEADER = re.compile(r"^Source Output #(\d+)$")
_ESCAPE = re.compile(r"\\(.)")


def parse_source_outputs_text(text: str) -> list[SourceOutput]:
    """`LC_ALL=C pactl list source-outputs`, for pactl before 16 (no JSON)."""
    outputs: list[SourceOutput] = []
    current: dict[str, Any] | None = None
    in_properties = False
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header:
            if current is not None:
                outputs.append(_source_output_from_text(current))
            current = {"index": int(header.group(1)), "properties": {}}
            in_properties = False
        elif current is None or not line.strip():
            continue
        elif line.startswith("\t\t") and in_properties:
            key, equals, value = line.strip().partition(" = ")
            if equals and len(value) >= 2 and value[0] == value[-1] == '"':
                current["properties"][key] = _ESCAPE.sub(r"\1", value[1:-1])
        elif line.startswith("\t") and not line.startswith("\t\t"):
            key, colon, value = line.strip().partition(":")
            in_properties = key == "Properties"
            if colon:
                current[key] = value.strip()
    if current is not None:
        outputs.append(_source_output_from_text(current))
    return outputs


def _source_output_from_text(block: dict[str, Any]) -> SourceOutput:
    source, corked = block.get("Source", ""), block.get("Corked")
    if not source.isdigit() or corked not in ("yes", "no"):
        raise ValueError(
            f"source output #{block['index']} lacks a Source index or Corked yes/no "
            f"(got Source={source!r}, Corked={corked!r})"
        )
    return SourceOutput(block["index"], int(source), corked == "yes", block["properties"])


def recording_streams(
    outputs: Sequence[SourceOutput], sources: Mapping[int, str], own_pid: int
) -> list[SourceOutput]:
    """The streams that mean someone is talking into a microphone."""
    return [
        output
        for output in outputs
        if not output.corked
        # A stream not linked to a listed source (PipeWire shows it on an invalid index)
        # records nothing.
        and output.source in sources
        and not sources[output.source].endswith(".monitor")
        and output.properties.get("application.id") not in _LEVEL_METERS
        and output.properties.get("application.process.id") != str(own_pid)
    ]


# --- running pactl -------------------------------------------------------------------------------


class _CannotTell(Exception):
    pass


class _PactlRefused(_CannotTell):
    """pactl ran but exited non-zero."""


class PulseCallDetector:
    """Asks PulseAudio (or PipeWire's pulse server) through `pactl`."""

    def __init__(
        self, pactl: str = "pactl", timeout: float = _PACTL_TIMEOUT_S, own_pid: int | None = None
    ) -> None:
        self._pactl = pactl
        self._timeout = timeout
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._json: bool | None = None  # does this pactl speak JSON? Learnt on first success.
        self._failing = False

    def microphone_in_use(self) -> bool | None:
        try:
            outputs = self._source_outputs()
            # Most of the time nothing records: then one pactl run is enough.
            sources = parse_short_sources(self._run("list", "short", "sources")) if outputs else {}
        except (_CannotTell, ValueError) as error:
            if not self._failing:  # once per outage, not once per poll
                log.info("cannot tell whether a microphone is in use: %s", error)
            self._failing = True
            return None
        self._failing = False
        return bool(recording_streams(outputs, sources, self._own_pid))

    def _source_outputs(self) -> list[SourceOutput]:
        if self._json is False:
            return parse_source_outputs_text(self._run("list", "source-outputs"))
        try:
            text = self._run("--format=json", "list", "source-outputs")
        except _PactlRefused as json_refused:
            try:
                text = self._run("list", "source-outputs")
            except _PactlRefused:
                raise json_refused from None  # not the JSON: pactl fails whatever we ask
            self._json = False
            return parse_source_outputs_text(text)
        self._json = True
        return parse_source_outputs_json(text)

    def _run(self, *args: str) -> str:
        # pactl translates its plain listing: read it in the C locale.
        environ = {**os.environ, "LC_ALL": "C"}
        try:
            done = subprocess.run(
                [self._pactl, *args],
                capture_output=True,
                text=True,
                timeout=self._timeout,
                env=environ,
                check=False,
            )
        except FileNotFoundError:
            raise _CannotTell(f"{self._pactl} not found") from None
        except subprocess.TimeoutExpired:
            raise _CannotTell(f"{self._pactl} gave no answer in {self._timeout} s") from None
        except OSError as error:
            raise _CannotTell(f"cannot run {self._pactl}: {error}") from None
        if done.returncode != 0:
            detail = done.stderr.strip() or "no message"
            raise _PactlRefused(
                f"{self._pactl} {' '.join(args)} failed ({done.returncode}): {detail}"
            )
        return done.stdout


def system_call_detector() -> CallDetector | None:
    """The call detector for this system; None where Shiftwell has none."""
    if sys.platform.startswith("linux"):
        return PulseCallDetector()
    return None
