#!/usr/bin/env bash
# Brings the translations up to date with the code, then compiles them for Qt.
#
#   bash resources/translations/update.sh                  every shiftwell_*.ts here
#   bash resources/translations/update.sh path/shiftwell_fr.ts   one file (made if new)
#
# Then translate what is new in Qt Linguist (pyside6-linguist FILE.ts) or any editor, and run
# this again to compile the .qm that Shiftwell loads.
#
# Messages outside a widget class (`_t("…")` in the shell, `_("…")` in the core, tables
# marked with `marked("…")`) share the context `shiftwell`. lupdate puts calls without a
# class into an unnamed context, so the script names it around each run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

# The tools come with PySide6: the active virtualenv's, else the first on PATH, else .venv's.
find_tool() {
    local name=$1
    if [[ -n "${VIRTUAL_ENV:-}" && -x "$VIRTUAL_ENV/bin/$name" ]]; then
        echo "$VIRTUAL_ENV/bin/$name"
    elif command -v "$name" >/dev/null; then
        command -v "$name"
    elif [[ -x "$root/.venv/bin/$name" ]]; then
        echo "$root/.venv/bin/$name"
    else
        echo "update.sh: $name not found (it comes with PySide6)" >&2
        return 1
    fi
}
lupdate=$(find_tool pyside6-lupdate) || exit 1
lrelease=$(find_tool pyside6-lrelease) || exit 1

# Every module with text the user sees. Add a module here when it gains some.
sources=(
    app/shiftwell/cli/__init__.py
    app/shiftwell/cli/launcher.py
    app/shiftwell/cli/parser.py
    app/shiftwell/cli/stats.py
    app/shiftwell/cli/schedule.py
    app/shiftwell/core/durations.py
    app/shiftwell/core/calendar_names.py
    app/shiftwell/core/calendar_plan.py
    app/shiftwell/core/day_plan.py
    app/shiftwell/core/plan.py
    app/shiftwell/core/commands.py
    app/shiftwell/core/engine.py
    app/shiftwell/core/engine_recovery.py
    app/shiftwell/core/fixed_breaks.py
    app/shiftwell/core/hooks.py
    app/shiftwell/core/tray_hint.py
    app/shiftwell/core/notice_actions.py
    app/shiftwell/core/policy.py
    app/shiftwell/core/schedule.py
    app/shiftwell/core/settings.py
    app/shiftwell/core/setting_kinds.py
    app/shiftwell/core/settings_spec.py
    app/shiftwell/core/state_names.py
    app/shiftwell/platform/calendar_feed.py
    app/shiftwell/platform/coming_days.py
    app/shiftwell/platform/commands.py
    app/shiftwell/review.py
    app/shiftwell/week_record.py
    app/shiftwell/platform/config_file.py
    app/shiftwell/platform/instance.py
    app/shiftwell/report/day_rows.py
    app/shiftwell/report/table.py
    app/shiftwell/report/words.py
    app/shiftwell/storage/database.py
    app/shiftwell/storage/opening.py
    app/shiftwell/storage/durable.py
    app/shiftwell/storage/figures.py
    app/shiftwell/storage/stats.py
    app/shiftwell/ui/notices/announcer.py
    app/shiftwell/ui/notices/fixed_breaks.py
    app/shiftwell/calendar_link.py
    app/shiftwell/app.py
    app/shiftwell/ui/checkin/checkin.py
    app/shiftwell/ui/dialogs.py
    app/shiftwell/ui/logoff/logoff_screen.py
    app/shiftwell/ui/breaks/overlay.py
    app/shiftwell/ui/notices/popup.py
    app/shiftwell/ui/remote.py
    app/shiftwell/ui/breaks/screens.py
    app/shiftwell/ui/settings/fields.py
    app/shiftwell/ui/settings/pages.py
    app/shiftwell/ui/settings/dialog.py
    app/shiftwell/ui/settings/calendar_check.py
    app/shiftwell/ui/settings/line_fields.py
    app/shiftwell/ui/shell.py
    app/shiftwell/ui/review/cards.py
    app/shiftwell/ui/review/charts.py
    app/shiftwell/ui/review/pdf.py
    app/shiftwell/ui/review/window.py
    app/shiftwell/ui/tray/status_window.py
    app/shiftwell/storage_link.py
    app/shiftwell/ui/text.py
    app/shiftwell/ui/tray/tray.py
    app/shiftwell/ui/views.py
)
# _t and _tn (shell), _ (core) and marked (tables) are spellings of tr() for lupdate.
aliases="tr+=_,tr+=_t,tr+=_tn,tr+=marked"

if (($# == 0)); then
    set -- "$here"/shiftwell_*.ts
fi
targets=()
for ts in "$@"; do
    # Absolute paths: lupdate runs from the repository root.
    targets+=("$(cd "$(dirname "$ts")" && pwd)/$(basename "$ts")")
done

cd "$root"
for ts in "${targets[@]}"; do
    base=$(basename "$ts" .ts)
    language=${base#shiftwell_}
    # Worked on beside the real file (lupdate writes source paths relative to it), which
    # is replaced only once lupdate has succeeded.
    work="$(dirname "$ts")/.updating-$base.ts"
    trap 'rm -f "$work"' EXIT
    if [[ -f "$ts" ]]; then
        sed 's|<name>shiftwell</name>|<name></name>|' "$ts" >"$work"
    fi
    "$lupdate" -silent -no-obsolete -locations relative -source-language en \
        -target-language "$language" -tr-function-alias "$aliases" "${sources[@]}" -ts "$work"
    sed 's|<name></name>|<name>shiftwell</name>|' "$work" >"$ts"
    rm -f "$work"
    "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    echo "updated $ts and ${ts%.ts}.qm"
done
