"""The schema, as a list of forward migrations.

`PRAGMA user_version` is the number of migrations applied. All pending migrations run in
ONE transaction (an upgrade is all or nothing, and a copy of the file is kept before it
starts). Each receives a `sqlite_utils.Database` on the connection, for its introspection
and `db.execute`; do not call sqlite-utils helpers that commit on their own (`transform()`
does): rebuild a table with explicit statements instead. Never edit a released migration:
add a new one, and a fixture of the previous version (`python -m tests.store.fixtures.build
N`) so tests/store/test_migrations.py proves the upgrade loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.store.search import TRI_TOKENIZER, UNI_TOKENIZER

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    import sqlite_utils

SEARCHABLE = ("task", "instruction", "feedback")
"""Tables with a pair of full-text indexes (`<table>_tri`, `<table>_uni`)."""
OPEN_TASKS = "task_open"
"""The pair of full-text indexes of the open tasks alone (`task_open_tri`, `task_open_uni`)."""

_V1 = [
    """
    CREATE TABLE instruction (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        leader TEXT NOT NULL,
        content TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        issued_on TEXT,
        deadline TEXT,
        owner TEXT NOT NULL DEFAULT '',
        co_handlers TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new'
            CHECK (status IN ('new', 'in_progress', 'done', 'cancelled')),
        feedback_interval INTEGER CHECK (feedback_interval IS NULL OR feedback_interval > 0),
        confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        closed TEXT,
        closing_note TEXT NOT NULL DEFAULT '',
        deleted TEXT,
        deadline_sort TEXT NOT NULL DEFAULT '9999'
    )
    """,
    """
    CREATE INDEX instruction_open ON instruction (deadline_sort, id)
        WHERE deleted IS NULL AND status IN ('new', 'in_progress')
    """,
    """
    CREATE INDEX instruction_closed ON instruction (closed DESC, id)
        WHERE deleted IS NULL AND status IN ('done', 'cancelled')
    """,
    """
    CREATE TABLE task (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        importance TEXT NOT NULL DEFAULT 'normal'
            CHECK (importance IN ('high', 'normal', 'low')),
        urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
        due TEXT,
        category TEXT NOT NULL DEFAULT 'other'
            CHECK (category IN ('doc', 'affair', 'meeting', 'other')),
        tags TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        recurrence TEXT,
        recurrence_workdays INTEGER NOT NULL DEFAULT 0 CHECK (recurrence_workdays IN (0, 1)),
        instruction_id INTEGER REFERENCES instruction (id),
        confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        completed TEXT,
        deleted TEXT,
        urgency REAL NOT NULL DEFAULT 0,
        quadrant TEXT NOT NULL DEFAULT 'neither',
        score_until TEXT NOT NULL DEFAULT '',
        due_sort TEXT NOT NULL DEFAULT '9999'
    )
    """,
    # The to-do list in urgency order: a page at any offset is an index walk.
    """
    CREATE INDEX task_open_order ON task (urgency DESC, due_sort, created, id)
        WHERE deleted IS NULL AND status = 'open'
    """,
    # Scores whose time has come: usually none, found without a scan.
    "CREATE INDEX task_score_until ON task (score_until) WHERE status = 'open'",
    """
    CREATE INDEX task_closed_order ON task (completed DESC, id)
        WHERE deleted IS NULL AND status != 'open'
    """,
    "CREATE INDEX task_instruction ON task (instruction_id) WHERE instruction_id IS NOT NULL",
    """
    CREATE TABLE extension (
        id INTEGER PRIMARY KEY,
        instruction_id INTEGER NOT NULL REFERENCES instruction (id),
        old TEXT,
        new TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )
    """,
    "CREATE INDEX extension_instruction ON extension (instruction_id, id)",
    """
    CREATE TABLE chase (
        id INTEGER PRIMARY KEY,
        instruction_id INTEGER NOT NULL REFERENCES instruction (id),
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('remind', 'warn', 'severe')),
        whom TEXT NOT NULL DEFAULT '',
        channel TEXT,
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX chase_instruction ON chase (instruction_id, at)",
    """
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        instruction_id INTEGER REFERENCES instruction (id),
        leader TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        channel TEXT NOT NULL
            CHECK (channel IN ('verbal', 'written', 'phone', 'message', 'email', 'meeting')),
        kind TEXT NOT NULL CHECK (kind IN ('progress', 'problem', 'completion', 'other')),
        content TEXT NOT NULL,
        next_step TEXT NOT NULL DEFAULT '',
        revision_of INTEGER REFERENCES feedback (id),
        confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
        created TEXT NOT NULL,
        deleted TEXT
    )
    """,
    "CREATE INDEX feedback_instruction ON feedback (instruction_id, at DESC, id DESC)",
    "CREATE INDEX feedback_at ON feedback (at DESC, id DESC)",
    """
    CREATE TABLE event (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        changes TEXT NOT NULL DEFAULT '[]',
        summary TEXT NOT NULL DEFAULT '{}',
        undoes INTEGER REFERENCES event (id),
        undone_by INTEGER REFERENCES event (id)
    )
    """,
    "CREATE INDEX event_entity ON event (entity, entity_id, id)",
    "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]
for _table in SEARCHABLE:
    _V1.append(f"CREATE VIRTUAL TABLE {_table}_tri USING fts5 (body, tokenize = '{TRI_TOKENIZER}')")
    _V1.append(f'CREATE VIRTUAL TABLE {_table}_uni USING fts5 (body, tokenize = "{UNI_TOKENIZER}")')


def _migration_1(db: sqlite_utils.Database) -> None:
    """The first schema: tasks, instructions with extensions and chases, feedback, events."""
    for statement in _V1:
        db.execute(statement)


def _migration_2(db: sqlite_utils.Database) -> None:
    """Indexes for "current revision" lookups and for open tasks by due date (briefing)."""
    db.execute(
        "CREATE INDEX feedback_revision ON feedback (revision_of) WHERE revision_of IS NOT NULL"
    )
    db.execute(
        "CREATE INDEX task_open_due ON task (due_sort, id) "
        "WHERE deleted IS NULL AND status = 'open'"
    )


def _migration_3(db: sqlite_utils.Database) -> None:
    """Search indexes of the open tasks alone, filled from the full ones.

    The to-do list searches open tasks, a few thousand at most, but a common word such as
    會 is in tens of thousands of done ones: at 100,000 tasks matching it in the full index
    took about 30 ms per query, most of it collecting rows the list then threw away.
    """
    db.execute(
        f"CREATE VIRTUAL TABLE {OPEN_TASKS}_tri USING fts5 (body, tokenize = '{TRI_TOKENIZER}')"
    )
    db.execute(
        f'CREATE VIRTUAL TABLE {OPEN_TASKS}_uni USING fts5 (body, tokenize = "{UNI_TOKENIZER}")'
    )
    for kind in ("tri", "uni"):
        db.execute(
            f"INSERT INTO {OPEN_TASKS}_{kind} (rowid, body) SELECT rowid, body FROM task_{kind} "
            "WHERE rowid IN (SELECT id FROM task WHERE deleted IS NULL AND status = 'open')"
        )


def _migration_4(db: sqlite_utils.Database) -> None:
    """An index of the open tasks by quadrant, for the header's count of urgent ones.

    Counting them read every open task's row: at 100,000 records, 1,500 scattered reads
    (6 ms) on every refresh. With this index, each of the header's task counts is one
    short index range."""
    db.execute(
        "CREATE INDEX task_open_quadrant ON task (quadrant) "
        "WHERE deleted IS NULL AND status = 'open'"
    )


def _migration_5(db: sqlite_utils.Database) -> None:
    """The closed instructions' index also holds each one's registration time.

    The instructions alive in a period are, among the closed ones, those closed after its
    start and registered before its end. The index found the first by seeking, but checked
    the second in each row: for a month years back that was every instruction closed since
    (at 10,000 instructions, 10 ms a query, twice a summary). Read from the index itself
    it costs a sixth of that; recent periods, the common case, were and stay a short
    range."""
    db.execute("DROP INDEX instruction_closed")
    db.execute(
        "CREATE INDEX instruction_closed ON instruction (closed DESC, id, created) "
        "WHERE deleted IS NULL AND status IN ('done', 'cancelled')"
    )


OPEN_TASK = "deleted IS NULL AND status = 'open'"
TALLY_KEYS = "'q:' || {row}.quadrant, 'd:' || substr({row}.due_sort, 1, 10)"
"""An open task's two keys in `task_tally`: its quadrant, and the day its due passes."""
_TALLY_CHANGED = (
    "(NEW.status IS NOT OLD.status OR NEW.deleted IS NOT OLD.deleted "
    "OR NEW.quadrant IS NOT OLD.quadrant "
    "OR substr(NEW.due_sort, 1, 10) IS NOT substr(OLD.due_sort, 1, 10))"
)


def _tally_add(row: str) -> str:
    return (
        "INSERT INTO task_tally (key, n) VALUES "
        f"('q:' || {row}.quadrant, 1), ('d:' || substr({row}.due_sort, 1, 10), 1) "
        "ON CONFLICT (key) DO UPDATE SET n = n + 1;"
    )


def _tally_remove(row: str) -> str:
    return f"UPDATE task_tally SET n = n - 1 WHERE key IN ({TALLY_KEYS.format(row=row)});"


def _open(row: str) -> str:
    return f"{row}.deleted IS NULL AND {row}.status = 'open'"


def _migration_6(db: sqlite_utils.Database) -> None:
    """The open tasks counted by quadrant and by the day their due passes, kept by triggers.

    The header's two task counts — urgent, overdue — counted index ranges as long as what
    they count: with an office's backlog of 100,000 open tasks, 70,000 of them overdue,
    13 ms of every change and refresh. A count by quadrant is now a row read; overdue is
    the sum of the days before today (one row a day that has open tasks due) and a count
    of today's. The triggers keep the tally in the same transaction as the change, on
    every path a row takes: the service, an import, an undo, another program's write."""
    db.execute("CREATE TABLE task_tally (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
    for key in ("'q:' || quadrant", "'d:' || substr(due_sort, 1, 10)"):
        db.execute(
            f"INSERT INTO task_tally (key, n) SELECT {key}, count(*) FROM task "
            f"WHERE {OPEN_TASK} GROUP BY 1"
        )
    db.execute(
        f"CREATE TRIGGER task_tally_insert AFTER INSERT ON task WHEN {_open('NEW')} "
        f"BEGIN {_tally_add('NEW')} END"
    )
    db.execute(
        f"CREATE TRIGGER task_tally_delete AFTER DELETE ON task WHEN {_open('OLD')} "
        f"BEGIN {_tally_remove('OLD')} END"
    )
    db.execute(
        "CREATE TRIGGER task_tally_leave AFTER UPDATE OF status, deleted, quadrant, due_sort "
        f"ON task WHEN {_open('OLD')} AND {_TALLY_CHANGED} BEGIN {_tally_remove('OLD')} END"
    )
    db.execute(
        "CREATE TRIGGER task_tally_enter AFTER UPDATE OF status, deleted, quadrant, due_sort "
        f"ON task WHEN {_open('NEW')} AND {_TALLY_CHANGED} BEGIN {_tally_add('NEW')} END"
    )


Migration = Callable[["sqlite_utils.Database"], None]

MIGRATIONS: list[Migration] = [
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_5, _migration_6
]
"""Migration N (1-based) brings a database from user_version N-1 to N."""

SCHEMA_VERSION = len(MIGRATIONS)
