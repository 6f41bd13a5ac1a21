"""One settings field: an editor for one dotted key, its TOML value, and its problem line.

A field knows the value it was opened with; it is changed when the typed value differs from
that one, so "25m" and "1500s" count as the same and the user's spelling is what gets saved.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shiftwell.core.i18n import marked
from shiftwell.core.settings import validate_value
from shiftwell.core.settings_spec import SPEC
from shiftwell.ui.i18n import _t
from shiftwell.ui.settings.line_fields import (
    BREAKS_HINT,
    BY_DAY_HINT,
    ROTATION_HINT,
    breaks_from_lines,
    breaks_to_text,
    by_day_from_lines,
    by_day_to_text,
    rotation_from_lines,
    rotation_to_text,
)

LOCK_NOTE = marked("Set by your team's policy")
DURATION_WIDTH, SPANS_WIDTH, BY_DAY_WIDTH = 14, 40, 32  # in characters

# Text in a line edit -> the TOML value; raises ValueError for text that can't be one.
TextToToml = Callable[[str], Any]
TomlToText = Callable[[Any], str]


def plain_name(label: str) -> str:
    """A label without its mnemonic marker: "&Days off" -> "Days off"."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


class Field(QObject):
    edited = Signal()

    def __init__(self, key: str, label: str, editor: QWidget) -> None:
        super().__init__(editor)
        self.key = key
        self.label = label
        self.name = plain_name(label)
        self.editor = editor
        self.locked = False
        editor.setAccessibleName(self.name)
        editor.setObjectName(f"field:{key}")
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("{field}: problem").format(field=self.name))
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.lock_note = QLabel(_t(LOCK_NOTE))
        self.lock_note.setObjectName("lockNote")
        self.lock_note.setAccessibleName(f"{self.name}: {_t(LOCK_NOTE)}")
        self.lock_note.hide()
        self.cell = QWidget()
        layout = QVBoxLayout(self.cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.problem)
        layout.addWidget(self.lock_note)
        self._initial: Any = None
        self._initial_typed: Any = None

    # -- what subclasses provide ---------------------------------------------------------------

    def raw(self) -> Any:
        """The TOML value now in the editor; None removes the key. Raises ValueError."""
        raise NotImplementedError

    def show_raw(self, raw: Any) -> None:
        raise NotImplementedError

    # -- shared ----------------------------------------------------------------------------------

    def load(self, raw: Any) -> None:
        """Show `raw` (None: the key is not set) and remember it as the value to compare with."""
        self.show_raw(raw)
        self._initial = raw
        self._initial_typed = self._typed(raw)
        self.show_problem(None)

    def set_width(self, characters: int) -> None:
        """An editor about `characters` wide (it follows the font size), at the row's left."""
        metrics = self.editor.fontMetrics()
        self.editor.setMinimumWidth(metrics.averageCharWidth() * characters + 16)
        layout = self.cell.layout()
        assert layout is not None
        layout.setAlignment(self.editor, Qt.AlignmentFlag.AlignLeft)

    def lock(self) -> None:
        self.locked = True
        self.editor.setEnabled(False)
        self.editor.setAccessibleDescription(_t(LOCK_NOTE))
        self.lock_note.show()

    def typed(self) -> Any:
        """The value as Shiftwell reads it; raises ValueError with the message to show."""
        return self._typed(self.raw())

    def _typed(self, raw: Any) -> Any:
        return None if raw is None else validate_value(self.key, raw)

    def own_problem(self) -> str | None:
        if self.locked:
            return None
        try:
            self.typed()
        except ValueError as error:
            return str(error)
        return None

    def is_changed(self) -> bool:
        if self.locked:
            return False
        try:
            return bool(self.typed() != self._initial_typed)
        except ValueError:
            return True

    def show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))
        if not self.locked:
            self.editor.setAccessibleDescription(message or "")
        self.editor.setProperty("invalid", bool(message))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)


class TextField(Field):
    def __init__(
        self,
        key: str,
        label: str,
        *,
        to_toml: TextToToml = str.strip,
        to_text: TomlToText = str,
        placeholder: str = "",
        completions: Sequence[str] = (),
        width: int | None = None,
    ) -> None:
        line = QLineEdit()
        super().__init__(key, label, line)
        self.line = line
        self._to_toml, self._to_text = to_toml, to_text
        self.line.setPlaceholderText(placeholder)
        self.line.setToolTip(placeholder)
        if width is not None:
            self.set_width(width)
        if completions:
            completer = QCompleter(list(completions), self.line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.line.setCompleter(completer)
        self.line.textChanged.connect(lambda _text: self.edited.emit())

    def raw(self) -> Any:
        return self._to_toml(self.line.text())

    def show_raw(self, raw: Any) -> None:
        self.line.setText("" if raw is None else self._to_text(raw))


class CommandField(TextField):
    """A command line, split as a shell would into the argument list Shiftwell runs."""

    def __init__(self, key: str, label: str, *, empty: Any, placeholder: str) -> None:
        super().__init__(key, label, to_toml=self._split, to_text=shlex.join)
        self._empty = empty
        self.line.setPlaceholderText(placeholder)
        self.preview = QLabel()
        self.preview.setObjectName("fieldHint")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAccessibleName(self.tr("{field}: runs").format(field=self.name))
        layout = self.cell.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.preview)
        self.line.textChanged.connect(self._show_preview)
        self._show_preview()

    def _split(self, text: str) -> Any:
        if not text.strip():
            return self._empty
        try:
            return shlex.split(text)
        except ValueError as error:
            message = self.tr("can't split {text} into arguments ({error})")
            raise ValueError(message.format(text=repr(text), error=error)) from None

    def _show_preview(self) -> None:
        try:
            argv = self._split(self.line.text())
        except ValueError:
            argv = None
        if argv:
            shown = ", ".join(f'"{arg}"' for arg in argv)
            self.preview.setText(self.tr("Runs [{arguments}]").format(arguments=shown))
        self.preview.setVisible(bool(argv))


class LinesField(Field):
    """Several lines of text, read into a TOML value by `to_toml` (None: not set)."""

    def __init__(
        self,
        key: str,
        label: str,
        *,
        to_toml: Callable[[list[str]], Any],
        to_text: Callable[[Any], str],
        placeholder: str,
        lines: int = 3,
        width: int | None = None,
    ) -> None:
        edit = QPlainTextEdit()
        super().__init__(key, label, edit)
        self.edit = edit
        self._to_toml, self._to_text = to_toml, to_text
        edit.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(placeholder)
        margins = edit.contentsMargins()
        frame = 2 * edit.frameWidth() + margins.top() + margins.bottom()
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + frame + 8)
        edit.textChanged.connect(self.edited.emit)
        if width is not None:
            self.set_width(width)

    def raw(self) -> Any:
        return self._to_toml(self.edit.toPlainText().splitlines())

    def show_raw(self, raw: Any) -> None:
        self.edit.setPlainText("" if raw is None else self._to_text(raw))


class CheckField(Field):
    def __init__(self, key: str, label: str) -> None:
        box = QCheckBox(label)
        super().__init__(key, label, box)
        self.box = box
        self.box.toggled.connect(lambda _on: self.edited.emit())

    def raw(self) -> Any:
        return self.box.isChecked()

    def show_raw(self, raw: Any) -> None:
        self.box.setChecked(bool(raw))


class ChoiceField(Field):
    def __init__(self, key: str, label: str, choices: Sequence[tuple[str, str]]) -> None:
        combo = QComboBox()
        super().__init__(key, label, combo)
        self.combo = combo
        for value, text in choices:
            self.combo.addItem(text, value)
        self.combo.currentIndexChanged.connect(lambda _index: self.edited.emit())

    def raw(self) -> Any:
        return self.combo.currentData()

    def show_raw(self, raw: Any) -> None:
        index = self.combo.findData(raw)
        self.combo.setCurrentIndex(max(index, 0))


class NumberField(Field):
    """A whole number; the box takes any, so an out-of-range one is explained, not clamped."""

    def __init__(self, key: str, label: str) -> None:
        spin = QSpinBox()
        super().__init__(key, label, spin)
        self.spin = spin
        self.spin.setRange(0, 999)
        self.set_width(6)
        self.spin.valueChanged.connect(lambda _value: self.edited.emit())

    def raw(self) -> Any:
        return self.spin.value()

    def show_raw(self, raw: Any) -> None:
        self.spin.setValue(int(raw))


# -- text <-> TOML for the kinds of value the settings hold -----------------------------------


def comma_list(text: str) -> list[str]:
    """`"15m, 5m, 1m"` -> `["15m", "5m", "1m"]`; blank -> `[]`."""
    return [part.strip() for part in text.split(",") if part.strip()]


def join_list(values: Any) -> str:
    return ", ".join(str(v) for v in values)


def optional_text(text: str) -> str | None:
    """Blank means "not set": the key is removed and its default applies."""
    return text.strip() or None


def zone_names() -> list[str]:
    return sorted(available_timezones())


def field_for(key: str, *, width: int | None = None) -> Field:
    """The editor the settings spec asks for `key`, with its label, example and choices.

    `width` (in characters) overrides the width the kind of value gets by default.
    """
    spec = SPEC[key]
    label, hint = _t(spec.label), _t(spec.example) if spec.example else ""
    match spec.kind.editor:
        case "check":
            return CheckField(key, label)
        case "number":
            return NumberField(key, label)
        case "choice":
            return ChoiceField(key, label, [(value, _t(text)) for value, text in spec.kind.choices])
        case "command":
            return CommandField(key, label, empty=spec.default, placeholder=hint)
        case "duration":
            return TextField(key, label, placeholder=hint, width=width or DURATION_WIDTH)
        case "spans":
            return TextField(key, label, placeholder=hint, width=width or SPANS_WIDTH)
        case "list":
            return TextField(
                key, label, to_toml=comma_list, to_text=join_list, placeholder=hint, width=width
            )
        case "breaks":
            return LinesField(
                key,
                label,
                to_toml=breaks_from_lines,
                to_text=breaks_to_text,
                placeholder=_t(BREAKS_HINT),
            )
        case "breaks_by_day":
            return LinesField(
                key,
                label,
                to_toml=by_day_from_lines,
                to_text=by_day_to_text,
                placeholder=_t(BY_DAY_HINT),
                lines=2,
                width=width or BY_DAY_WIDTH,
            )
        case "rotation":
            return LinesField(
                key,
                label,
                to_toml=rotation_from_lines,
                to_text=rotation_to_text,
                placeholder=_t(ROTATION_HINT),
            )
        case "text":
            return TextField(key, label, to_toml=optional_text, placeholder=hint, width=width)
        case "zone":
            return TextField(
                key,
                label,
                to_toml=optional_text,
                placeholder=hint,
                completions=zone_names(),
                width=width or SPANS_WIDTH,
            )
    raise ValueError(f"no editor for {spec.kind.editor!r} ({key})")
