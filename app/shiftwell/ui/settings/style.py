"""The settings dialog's few colours, from Shiftwell's palette; widgets keep the desktop look."""

from __future__ import annotations

from shiftwell.ui.palette import Palette

# Problem text: red with at least 4.5:1 contrast on the window colour of each variant.
PROBLEM_LIGHT = "#b3261e"
PROBLEM_DARK = "#f2a7a2"


def problem_colour(palette: Palette) -> str:
    return PROBLEM_DARK if palette.dark else PROBLEM_LIGHT


def stylesheet(palette: Palette) -> str:
    problem = problem_colour(palette)
    return f"""
        QLabel#fieldProblem {{ color: {problem}; }}
        QLabel#lockNote, QLabel#fieldHint, QLabel#pageIntro {{ color: {palette.muted}; }}
        QLabel#lockNote {{ font-style: italic; }}
        QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
            border: 1px solid {problem}; border-radius: 3px; padding: 2px 3px;
        }}
    """
