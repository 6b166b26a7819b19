"""The date a report shows, chosen so that the same file gives the same bytes.

In order:

1. a date the caller gives (``build_report(..., date=...)``);
2. ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds convention), when it
   is set to a whole number;
3. the day the org file was last changed (its modification time, in UTC): the report
   dates the data it shows, so rebuilding it from the same file gives the same page, and
   a "before" and an "after" report show which file is newer;
4. today (UTC), for an organisation that has no file (read from stdin, built from data).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from raci.i18n import N_, gettext
from raci.workshop.html_report.words import day

#: How the page says what its date is, by :attr:`ReportDate.basis`.
PHRASES = {
    "given": N_("dated %(date)s"),
    "SOURCE_DATE_EPOCH": N_("dated %(date)s"),
    # Translators: the day the org file was last saved; the report shows that file's data.
    "file last changed": N_("file last changed %(date)s"),
    # Translators: the day the report was made (its organisation has no file).
    "made": N_("made %(date)s"),
}


@dataclass(frozen=True)
class ReportDate:
    day: dt.date
    #: What the day is: "given", "SOURCE_DATE_EPOCH", "file last changed" or "made".
    basis: str

    @property
    def text(self) -> str:
        return self.day.isoformat()

    @property
    def phrase(self) -> str:
        """E.g. "file last changed 2026-11-30", in Polish "plik zmieniony 30 listopada 2026"."""
        return gettext(PHRASES[self.basis]) % {"date": day(self.day)}


def report_date(source: str, given: dt.date | None = None) -> ReportDate:
    """The date for a report of the org read from ``source`` (a path, or "<stdin>"…)."""
    if given is not None:
        return ReportDate(given, "given")
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        return ReportDate(_utc_day(int(epoch)), "SOURCE_DATE_EPOCH")
    try:
        changed = os.stat(source).st_mtime if not source.startswith("<") else None
    except (OSError, ValueError):
        changed = None
    if changed is not None:
        return ReportDate(_utc_day(changed), "file last changed")
    return ReportDate(dt.datetime.now(dt.timezone.utc).date(), "made")


def _utc_day(seconds: float) -> dt.date:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
