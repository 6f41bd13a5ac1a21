"""Pure-Python rules of Shiftwell: no Qt, no SQL. Every decision lives here."""
