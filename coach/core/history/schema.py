"""The history database's schema, as the migrations that build it.

``MIGRATIONS[n]`` takes a database from schema version ``n`` to ``n + 1``. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: played routines
    """
    CREATE TABLE routine_sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_title TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_s REAL NOT NULL CHECK (duration_s >= 0),
        steps_completed INTEGER NOT NULL CHECK (steps_completed >= 0),
        steps_total INTEGER NOT NULL CHECK (steps_total >= 0),
        completed INTEGER NOT NULL CHECK (completed IN (0, 1))
    );
    CREATE INDEX routine_sessions_by_start ON routine_sessions (started_at);
    """,
    # 2: cold and heat applications, running ones included so they survive a restart;
    #    plan_s is the length first planned, planned_s that length with extensions
    """
    CREATE TABLE therapy_sessions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('cold', 'heat')),
        method TEXT NOT NULL,
        area TEXT NOT NULL,
        plan_s INTEGER NOT NULL CHECK (plan_s > 0),
        planned_s INTEGER NOT NULL CHECK (planned_s > 0),
        started_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'due', 'ended')),
        deadline_at TEXT,
        paused_left_s REAL,
        ended_at TEXT,
        actual_s REAL,
        outcome TEXT CHECK (outcome IN ('completed', 'ended early', 'overdue')),
        overdue_s REAL,
        rest_gap_respected INTEGER NOT NULL CHECK (rest_gap_respected IN (0, 1))
    );
    CREATE INDEX therapy_sessions_by_start ON therapy_sessions (started_at);
    """,
    # 3: break reminders, one row for each prompted, snoozed, skipped or natural break
    """
    CREATE TABLE break_events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('micro-break', 'rest break')),
        at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('taken', 'natural', 'snoozed', 'skipped',
                                                 'postponed (do not disturb)'))
    );
    CREATE INDEX break_events_by_time ON break_events (at);
    """,
    # 4: the symptom log; before/after entries point at the routine session they belong to
    """
    CREATE TABLE symptoms (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
        area TEXT NOT NULL,
        spasm INTEGER NOT NULL CHECK (spasm IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        session_id INTEGER REFERENCES routine_sessions (id),
        moment TEXT CHECK (moment IN ('before', 'after'))
    );
    CREATE INDEX symptoms_by_time ON symptoms (at);
    """,
    # 5: find the pain scores given around a routine session without reading every entry
    """
    CREATE INDEX symptoms_by_session ON symptoms (session_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
