"""iCalendar files as a workforce-management system publishes them, for the calendar tests."""

from __future__ import annotations

# Mon-Fri 08:00-16:00 in Chicago (written with a VTIMEZONE under a name that is no IANA zone,
# as Outlook-style exports do), breaks and lunch repeating with it; Wednesday 4 November is
# taken out (EXDATE) and Thursday 5 November's shift moved to 10:00-18:00 (RECURRENCE-ID).
# Chicago leaves summer time on 1 November, Berlin on 25 October.
WEEKLY_CHICAGO = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//WFM//Agent schedule//EN
BEGIN:VTIMEZONE
TZID:Central Time (WFM)
BEGIN:DAYLIGHT
TZOFFSETFROM:-0600
TZOFFSETTO:-0500
DTSTART:20070311T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
TZNAME:CDT
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0500
TZOFFSETTO:-0600
DTSTART:20071104T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZNAME:CST
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:shift-1@wfm
DTSTAMP:20261001T000000Z
SUMMARY:Shift - Support EN
DTSTART;TZID=Central Time (WFM):20261019T080000
DTEND;TZID=Central Time (WFM):20261019T160000
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
EXDATE;TZID=Central Time (WFM):20261104T080000
END:VEVENT
BEGIN:VEVENT
UID:shift-1@wfm
DTSTAMP:20261001T000000Z
RECURRENCE-ID;TZID=Central Time (WFM):20261105T080000
SUMMARY:Shift - Support EN (late)
DTSTART;TZID=Central Time (WFM):20261105T100000
DTEND;TZID=Central Time (WFM):20261105T180000
END:VEVENT
BEGIN:VEVENT
UID:break-1@wfm
DTSTAMP:20261001T000000Z
SUMMARY:Break
DTSTART;TZID=Central Time (WFM):20261019T100000
DTEND;TZID=Central Time (WFM):20261019T101500
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
EXDATE;TZID=Central Time (WFM):20261104T100000
END:VEVENT
BEGIN:VEVENT
UID:lunch-1@wfm
DTSTAMP:20261001T000000Z
SUMMARY:Meal period
DTSTART;TZID=Central Time (WFM):20261019T120000
DTEND;TZID=Central Time (WFM):20261019T123000
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
EXDATE;TZID=Central Time (WFM):20261104T120000
END:VEVENT
BEGIN:VEVENT
UID:meeting-1@wfm
DTSTAMP:20261001T000000Z
SUMMARY:Team huddle
DTSTART;TZID=Central Time (WFM):20261102T090000
DTEND;TZID=Central Time (WFM):20261102T093000
END:VEVENT
BEGIN:VEVENT
UID:holiday-1@wfm
DTSTAMP:20261001T000000Z
SUMMARY:Company offsite (all day)
DTSTART;VALUE=DATE:20261106
DTEND;VALUE=DATE:20261107
END:VEVENT
END:VCALENDAR
"""


def one_shift(day: str = "20261130", title: str = "Shift", start: str = "090000") -> str:
    """A calendar with one shift in Berlin time, 8 hours from `start`, and a break at 11:00."""
    end = f"{int(start[:2]) + 8:02d}{start[2:]}"
    return f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//WFM//Agent schedule//EN
BEGIN:VEVENT
UID:one@wfm
DTSTAMP:20261001T000000Z
SUMMARY:{title}
DTSTART;TZID=Europe/Berlin:{day}T{start}
DTEND;TZID=Europe/Berlin:{day}T{end}
END:VEVENT
BEGIN:VEVENT
UID:one-break@wfm
DTSTAMP:20261001T000000Z
SUMMARY:Break
DTSTART;TZID=Europe/Berlin:{day}T110000
DTEND;TZID=Europe/Berlin:{day}T111500
END:VEVENT
END:VCALENDAR
"""


def many_events(weeks: int) -> str:
    """`weeks` weeks of five shifts, each with two breaks and a lunch, as separate events."""
    from datetime import date, timedelta

    events = []
    monday = date(2026, 1, 5)
    for week in range(weeks):
        for weekday in range(5):
            day = (monday + timedelta(days=7 * week + weekday)).strftime("%Y%m%d")
            for index, (title, start, end) in enumerate(
                [
                    ("Shift", "080000", "163000"),
                    ("Break", "100000", "101500"),
                    ("Lunch", "123000", "130000"),
                    ("Break", "143000", "144500"),
                ]
            ):
                events.append(
                    "BEGIN:VEVENT\n"
                    f"UID:{day}-{index}@wfm\nDTSTAMP:20261001T000000Z\nSUMMARY:{title}\n"
                    f"DTSTART;TZID=Europe/Berlin:{day}T{start}\n"
                    f"DTEND;TZID=Europe/Berlin:{day}T{end}\nEND:VEVENT\n"
                )
    return (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//WFM//x//EN\n" + "".join(events) + "END:VCALENDAR\n"
    )
