"""The week as people read it: one row per day, rendered as a terminal table, CSV, JSON, an
iCalendar file and (through the shell) a PDF page. Pure Python: no Qt, no SQL; the figures
come in as storage's plain result types (`storage.figures`)."""
