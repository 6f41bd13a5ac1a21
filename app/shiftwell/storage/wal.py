"""Reading SQLite's write-ahead log ourselves, before SQLite does, to see whether it lost
committed transactions (https://www.sqlite.org/fileformat2.html#walformat).

When SQLite opens a database after a crash it replays the log frame by frame and stops at
the first frame whose salts or checksum do not match, silently: every transaction after a
damaged frame is dropped. We look first, and keep a copy of a log that would lose any.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MAGIC = (0x377F0682, 0x377F0683)  # the low bit: checksums over big-endian words
_VERSION = 3007000
_HEADER = 32
_FRAME_HEADER = 24


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def lost_commits(wal: Path) -> str | None:
    """Why replaying `wal` would drop committed transactions, or None when it would not.

    Committed means a commit frame carrying this log's salts. A log cut short at its end (a
    crash while the last transaction was being written) drops nothing that was committed.
    """
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < _HEADER:
        return None
    magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:_HEADER])
    frame_size = _FRAME_HEADER + page_size
    has_frames = page_size >= 512 and len(data) >= _HEADER + frame_size
    if magic not in _MAGIC or version != _VERSION:
        return "its header is damaged" if has_frames else None
    big_endian = bool(magic & 1)
    if _checksum(data[:24], big_endian, 0, 0) != (c0, c1):
        return "its header is damaged" if has_frames else None
    if not has_frames or page_size & (page_size - 1):
        return None
    s0, s1 = c0, c1
    first_bad: int | None = None
    count = (len(data) - _HEADER) // frame_size
    for index in range(count):
        start = _HEADER + index * frame_size
        header = data[start : start + _FRAME_HEADER]
        _page, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", header)
        ours = (f_salt1, f_salt2) == (salt1, salt2)
        if first_bad is None:
            page = data[start + _FRAME_HEADER : start + frame_size]
            s0, s1 = _checksum(header[:8], big_endian, s0, s1)
            s0, s1 = _checksum(page, big_endian, s0, s1)
            if not ours or (s0, s1) != (f0, f1):
                first_bad = index
                if not ours:
                    continue  # an older log's frames, left to be overwritten: normal
        if first_bad is not None and ours and commit:
            return f"frame {first_bad + 1} of {count} is damaged and committed frames follow it"
    return None
