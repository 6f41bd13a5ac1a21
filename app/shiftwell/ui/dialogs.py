"""Small questions the shell asks: confirmations and the reason for overtime."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QInputDialog, QMessageBox

from shiftwell.ui.i18n import _t


def confirm(question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Shiftwell", question)
    box.setAccessibleName(_t("Shiftwell question"))
    yes = box.addButton(_t("Start anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_t("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def ask_reason(quick_picks: Sequence[str]) -> str | None:
    """The reason for more time: a quick pick or the user's own words; None if cancelled."""
    reason, ok = QInputDialog.getItem(
        None,
        _t("I need more time"),
        _t("Why? (recorded with the overtime)"),
        list(quick_picks),
        0,
        True,
    )
    reason = reason.strip()
    return reason if ok and reason else None
