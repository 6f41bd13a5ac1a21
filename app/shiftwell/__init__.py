"""Shiftwell: keeps the boundary between shift work and life."""

__version__ = "0.1.0"
