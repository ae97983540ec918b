"""The timeline: every kind of entry in one list, filtered, paged, deleted and restored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coach.core.breaks.log import BreakLog
from coach.core.breaks.scheduler import BreakKind
from coach.core.breaks.scheduler import Outcome as BreakOutcome
from coach.core.clock import FakeClock
from coach.core.history.store import HistoryError, HistoryStore
from coach.core.history.symptoms import SymptomLog
from coach.core.history.timeline import EntryKind, Timeline, TimelineFilter
from coach.core.therapy.log import TherapyLog
from coach.core.therapy.timer import TherapyKind, TherapyTimer, plan_application

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def hours(n: float) -> datetime:
    return T0 + timedelta(hours=n)


def add_therapy(store, started_hours, end=True):  # type: ignore[no-untyped-def]
    clock = FakeClock(start=hours(started_hours))
    timer = TherapyTimer.start(plan_application(TherapyKind.HEAT, 15, "neck", None), clock)
    log = TherapyLog(store)
    log.add(timer)
    if end:
        clock.advance(15 * 60)
        timer.confirm_off(clock)
        log.save(timer)
    return timer


@pytest.fixture
def filled(store):
    """One entry of each kind, an hour apart: routine 0, heat 1, break 2, symptom 3."""
    session = store.begin_routine("r", "Rhomboid release", hours(0), 4)
    store.update_routine(session, 150.0, 2, False)
    add_therapy(store, 1)
    BreakLog(store).add(BreakKind.REST, hours(2), BreakOutcome.SNOOZED)
    SymptomLog(store).add(hours(3), 6, "neck", True, "after 50% of the day <b>")
    return store


def titles(timeline, view=TimelineFilter(), offset=0, limit=100):  # noqa: B008
    return [entry.title for entry in timeline.page(view, offset, limit)]


def test_every_kind_in_one_list_newest_first(filled):
    entries = Timeline(filled).page(TimelineFilter(), 0, 10)
    assert [(e.kind, e.title, e.outcome) for e in entries] == [
        (EntryKind.SYMPTOM, "Pain 6/10, neck, spasm", "logged"),
        (EntryKind.BREAK, "Rest break", "snoozed"),
        (EntryKind.THERAPY, "Moist heat pack, neck", "completed"),
        (EntryKind.ROUTINE, "Rhomboid release", "partial: 2 of 4 exercises"),
    ]
    assert entries[0].note == "after 50% of the day <b>"
    assert entries[2].duration_s == 900.0 and entries[3].duration_s == 150.0
    assert entries[0].at == hours(3)


def test_filter_by_kind_and_time(filled):
    timeline = Timeline(filled)
    only = TimelineFilter(kinds=frozenset({EntryKind.BREAK, EntryKind.ROUTINE}))
    assert titles(timeline, only) == ["Rest break", "Rhomboid release"]
    window = TimelineFilter(since=hours(1), until=hours(3))  # since included, until not
    assert titles(timeline, window) == ["Rest break", "Moist heat pack, neck"]
    assert Timeline(filled).count(TimelineFilter(kinds=frozenset())) == 0


@pytest.mark.parametrize(("text", "found"), [
    ("rhomboid", ["Rhomboid release"]),          # any case, in the title
    ("50%", ["Pain 6/10, neck, spasm"]),         # in the note; % is a character, not a pattern
    ("5%", []),
    ("_", []),
    ("<b>", ["Pain 6/10, neck, spasm"]),
    ("  neck ", ["Pain 6/10, neck, spasm", "Moist heat pack, neck"]),
])
def test_search_titles_and_notes(filled, text, found):
    assert titles(Timeline(filled), TimelineFilter(text=text)) == found


def test_pages_and_counts(store):
    for minute in range(25):
        store.begin_routine("r", f"Session {minute}", T0 + timedelta(minutes=minute), 1)
    timeline = Timeline(store)
    assert timeline.count(TimelineFilter()) == 25
    assert titles(timeline, offset=0, limit=10)[0] == "Session 24"
    assert titles(timeline, offset=20, limit=10) == [f"Session {n}" for n in range(4, -1, -1)]


def test_a_still_running_timer_shows_as_still_on_and_cannot_be_deleted(store):
    timer = add_therapy(store, 0, end=False)
    [entry] = Timeline(store).page(TimelineFilter(), 0, 5)
    assert entry.outcome == "still on" and entry.duration_s is None
    with pytest.raises(HistoryError, match="still on"):
        Timeline(store).delete(EntryKind.THERAPY, timer.id)


def test_delete_and_undo_restores_the_entry_exactly(filled):
    timeline = Timeline(filled)
    before = timeline.page(TimelineFilter(), 0, 10)
    for entry in before:
        removed = timeline.delete(entry.kind, entry.id)
        assert entry not in timeline.page(TimelineFilter(), 0, 10)
        timeline.restore(removed)
    assert timeline.page(TimelineFilter(), 0, 10) == before


def test_deleting_something_not_there_says_so(store):
    with pytest.raises(HistoryError, match="cannot be deleted: it is not there"):
        Timeline(store).delete(EntryKind.SYMPTOM, 7)


def test_delete_all_says_what_goes_and_keeps_a_running_timer(filled):
    add_therapy(filled, 4, end=False)
    timeline = Timeline(filled)
    assert timeline.counts() == {EntryKind.ROUTINE: 1, EntryKind.THERAPY: 1,
                                 EntryKind.BREAK: 1, EntryKind.SYMPTOM: 1}
    timeline.delete_all()
    assert titles(timeline) == ["Moist heat pack, neck"]
    assert set(timeline.counts().values()) == {0}


def test_a_row_with_a_bad_time_is_named(store):
    SymptomLog(store).add(T0, 1, "neck", False)
    store.connection.execute("UPDATE symptoms SET at = 'yesterday'")
    with pytest.raises(HistoryError, match="timeline entry 1"):
        Timeline(store).page(TimelineFilter(), 0, 5)


def test_a_history_that_cannot_be_written_deletes_nothing(filled):
    filled.connection.execute("PRAGMA query_only = ON")
    timeline = Timeline(filled)
    with pytest.raises(HistoryError, match="could not be deleted"):
        timeline.delete_all()
    with pytest.raises(HistoryError, match="could not be deleted"):
        timeline.delete(EntryKind.ROUTINE, 1)
    assert timeline.count(TimelineFilter()) == 4


def test_delete_all_leaves_no_copy_of_a_note_on_disk(tmp_path):
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    for n in range(50):
        SymptomLog(store).add(hours(n), 3, "neck", False, f"private words {n}")
    Timeline(store).delete_all()
    files = [path, path.with_name(path.name + "-wal")]
    assert not any(b"private words" in f.read_bytes() for f in files if f.exists())
    store.close()


def test_a_pack_left_on_too_long_says_by_how_many_minutes(store):
    clock = FakeClock(start=hours(1))
    timer = TherapyTimer.start(plan_application(TherapyKind.COLD, 15, "neck", None), clock)
    log = TherapyLog(store)
    log.add(timer)
    clock.advance(37 * 60)
    timer.update(clock)
    timer.confirm_off(clock)
    log.save(timer)
    [entry] = Timeline(store).page(TimelineFilter(), 0, 10)
    assert entry.outcome == "overdue by 22 min"
