"""The calendar feed against a real HTTP server on loopback: conditional fetches, failures
that keep the last good copy and are said once, redirects, a server too slow to answer."""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shiftwell.platform.calendar_feed import COPY_NAME, META_NAME, CalendarFeed, shown_source
from tests.helpers.calendars import WEEKLY_CHICAGO, one_shift
from tests.helpers.feed_server import FeedScript, feed_server

# Failing feeds are logged as warnings (once each): that is what these tests check.
pytestmark = pytest.mark.logs_warnings

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
SECRET = "/agent/7f3a9c1d2e.ics?token=s3cr3t"
GOOD = WEEKLY_CHICAGO.encode()


def test_a_fetched_calendar_is_kept_with_its_validators_and_asked_for_again_conditionally(
    tmp_path: Path,
) -> None:
    script = FeedScript(body=GOOD)
    with feed_server(script) as base:
        feed = CalendarFeed(base + SECRET, tmp_path)
        first = feed.refresh(NOW)
        assert first.changed and first.problem is None
        assert first.copy is not None and first.copy.data == GOOD
        later = NOW + timedelta(hours=1)
        second = feed.refresh(later)
    assert not second.changed and second.problem is None
    assert second.copy is not None and second.copy.data == GOOD
    assert second.copy.fetched_at == later  # confirmed unchanged: the copy is current
    assert "If-None-Match" not in script.requests[0]
    assert script.requests[1]["If-None-Match"] == '"v1"'
    assert script.requests[1]["If-Modified-Since"] == "Sun, 29 Nov 2026 10:00:00 GMT"
    meta = json.loads((tmp_path / META_NAME).read_text(encoding="utf-8"))
    assert meta["etag"] == '"v1"'
    assert "token" not in json.dumps(meta)  # the address's secret is not stored
    assert (tmp_path / COPY_NAME).stat().st_mode & 0o077 == 0


def test_the_copy_is_used_offline_and_a_new_feed_starts_afresh(tmp_path: Path) -> None:
    with feed_server(FeedScript(body=GOOD)) as base:
        CalendarFeed(base + SECRET, tmp_path).refresh(NOW)
    offline = CalendarFeed(base + SECRET, tmp_path)  # the server is gone
    result = offline.refresh(NOW + timedelta(hours=2))
    assert result.copy is not None and result.copy.data == GOOD
    assert result.problem is not None and result.news
    assert offline.due(NOW + timedelta(hours=2), timedelta(hours=1))
    assert CalendarFeed(base + "/someone-else.ics", tmp_path).cached() is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"status": 404, "body": b"not found", "etag": None}, "HTTP 404"),
        ({"status": 500, "body": b"oops", "etag": None}, "HTTP 500"),
        ({"body": b"<html>Please sign in</html>", "etag": '"v2"'}, "not an iCalendar file"),
        ({"body": GOOD[: len(GOOD) // 2], "etag": '"v2"'}, "cut short"),
    ],
)
def test_a_failing_or_invalid_feed_keeps_the_last_good_schedule_and_says_so_once(
    tmp_path: Path, change: dict[str, object], reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    script = FeedScript(body=GOOD)
    with feed_server(script) as base:
        feed = CalendarFeed(base + SECRET, tmp_path)
        feed.refresh(NOW)
        for name, value in change.items():
            setattr(script, name, value)
        caplog.clear()
        results = [feed.refresh(NOW + timedelta(hours=hour)) for hour in (1, 2, 3)]
    assert [r.news for r in results] == [True, False, False]
    problem = results[0].problem
    assert problem is not None and reason in problem
    assert problem.startswith("The calendar from 127.0.0.1 ")
    assert problem.endswith("Shiftwell keeps the schedule fetched 2026-11-30 08:00 UTC.")
    assert problem.count(".") >= 1 and "\n" not in problem
    assert all(r.copy is not None and r.copy.data == GOOD for r in results)
    assert (tmp_path / COPY_NAME).read_bytes() == GOOD
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1  # said once, not at every refresh
    assert all(
        "s3cr3t" not in r.getMessage() and "7f3a" not in r.getMessage() for r in caplog.records
    )


def test_after_a_failure_a_good_fetch_clears_it_and_a_new_failure_is_news_again(
    tmp_path: Path,
) -> None:
    script = FeedScript(body=GOOD)
    with feed_server(script) as base:
        feed = CalendarFeed(base + SECRET, tmp_path)
        feed.refresh(NOW)
        script.status = 500
        assert feed.refresh(NOW).news
        script.status = 200
        recovered = feed.refresh(NOW)
        assert recovered.problem is None and feed.standing_problem() is None
        script.status = 500
        assert feed.refresh(NOW).news


def test_a_redirect_is_followed(tmp_path: Path) -> None:
    script = FeedScript(body=GOOD, redirect_to="/moved/agent.ics")
    with feed_server(script) as base:
        result = CalendarFeed(base + SECRET, tmp_path).refresh(NOW)
    assert result.copy is not None and result.copy.data == GOOD
    assert [r["path"] for r in script.requests] == [SECRET, "/moved/agent.ics"]


def test_a_transfer_cut_short_keeps_the_last_good_copy(tmp_path: Path) -> None:
    script = FeedScript(body=GOOD)
    with feed_server(script) as base:
        feed = CalendarFeed(base + SECRET, tmp_path)
        feed.refresh(NOW)
        script.etag, script.missing = '"v2"', 500
        result = feed.refresh(NOW + timedelta(hours=1))
    assert result.problem is not None and "(the answer broke off)" in result.problem
    assert result.copy is not None and result.copy.data == GOOD


def test_a_server_that_does_not_answer_in_time_is_given_up(tmp_path: Path) -> None:
    script = FeedScript(body=GOOD, stall=threading.Event())
    with feed_server(script) as base:
        result = CalendarFeed(base + SECRET, tmp_path, timeout=0.3).refresh(NOW)
    assert result.copy is None
    assert result.problem == "The calendar from 127.0.0.1 could not be fetched (no answer in time)."


def test_a_refresh_runs_off_the_calling_thread(tmp_path: Path) -> None:
    results: list[object] = []
    with feed_server(FeedScript(body=GOOD)) as base:
        thread = CalendarFeed(base + SECRET, tmp_path).refresh_in_thread(NOW, results.append)
        thread.join(10)
    assert thread is not threading.current_thread() and len(results) == 1


def test_a_calendar_file_is_read_and_kept_like_a_feed(tmp_path: Path) -> None:
    source = tmp_path / "agent.ics"
    source.write_text(one_shift(), encoding="utf-8")
    feed = CalendarFeed(str(source), tmp_path / "data")
    assert feed.refresh(NOW).changed
    source.write_text("BEGIN:VCALENDAR\nBEGIN:VEV", encoding="utf-8")  # saved half-way
    broken = feed.refresh(NOW + timedelta(minutes=5))
    assert broken.copy is not None and broken.copy.data == one_shift().encode()
    assert broken.problem is not None and str(source) in broken.problem


def test_an_address_urllib_refuses_is_reported_without_its_secret(tmp_path: Path) -> None:
    result = CalendarFeed("http://wfm.example/a b\x01?token=s3cr3t", tmp_path).refresh(NOW)
    assert result.problem == (
        "The calendar from wfm.example could not be fetched (the address is not valid)."
    )


def test_only_the_host_of_an_address_is_shown() -> None:
    assert shown_source("https://wfm.example.com/ical/abc123?key=secret") == "wfm.example.com"
    assert shown_source("/home/ana/shifts.ics") == "/home/ana/shifts.ics"
