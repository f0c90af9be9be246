"""The chaos test's instruments: the bot as a process we may kill -9, a promotion log the
database keeps for us, and the rules checked from the database and the chats.

The ledger keeps no history of promotions (a promoted row just becomes a seat), so before
the first start the test adds a TRIGGER to the file: every move from the queue to a seat
is copied into `chaos_promotions`, inside the same transaction as the move; likewise every
seat left (cancelled, moved online, released) into `chaos_departures`, with the moment
(wall clock) it was written. It is an instrument of the test file only; the bot's code is
the same as in production."""

from __future__ import annotations

import asyncio
import html
import os
import re
import signal
import sqlite3
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from core.i18n import LANGUAGES, Catalog
from loopback import BotMessage, FakeTelegram, FakeUser
from storage.database import Database

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Chaos round table"


def _plain(text: str) -> str:
    """What the chat shows of a catalog text (its HTML resolved)."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


@dataclass(frozen=True)
class Words:
    """What a participant reads and presses, in their language (from the catalogs)."""

    language: str
    register: str
    agree: str
    ask_name: str
    ask_org: str
    ngo: str
    ask_phone: str
    skip: str
    ask_format: str
    online: str
    confirm: str
    registered: str
    already: str
    pending: str  # Confirm with approval: the form waits
    approved: str
    declined: str
    cancel_reg: str
    ask_cancel: str
    keep: str
    yes: str
    cancelled: tuple[str, ...]  # the answer to "Yes, cancel it" (or the screen it leaves)
    moves: tuple[str, ...]  # the format buttons of /my
    promoted: str
    code: re.Pattern[str]  # the entry code in a seat's text


def words(language: str) -> Words:
    t = Catalog().for_language(language)

    def p(key: str, **args: str | int) -> str:
        return _plain(t(key, **args))

    seated = p("placement-seated", code="QQQQQQ", when="", venue="", phone="")
    before = next(line for line in seated.splitlines() if "QQQQQQ" in line).split("QQQQQQ")[0]
    return Words(
        language, p("btn-register"), p("btn-consent-agree"), p("ask-name"), p("ask-org"),
        p("role-ngo"), p("ask-phone"), p("btn-skip"), p("ask-format"), p("btn-online"),
        p("btn-confirm"), p("registered-head"), p("already-registered"),
        p("pending-head", title=TITLE).split("«")[0], p("approved-head"),
        p("declined", title=TITLE), p("btn-cancel-reg"), p("ask-cancel-online"),
        p("btn-cancel-keep"), p("btn-cancel-yes"),
        (p("cancelled").split(".")[0], p("my-cancelled").split(".")[0]),
        (p("btn-to-online"), p("btn-leave-waitlist"), p("btn-to-offline", seats=1).split("(")[0]
         .strip(), p("btn-join-waitlist")),
        p("promoted", title=TITLE), re.compile(re.escape(before.strip()) + r" ([A-Z0-9]{6})"))


EN = words("en")

PROMOTION_LOG = """
CREATE TABLE chaos_promotions (
    reg_id  INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    code    TEXT,
    ahead   INTEGER NOT NULL  -- people of the event still queued before the promoted one
);
CREATE TRIGGER chaos_promotion AFTER UPDATE OF format ON registrations
WHEN OLD.queue_no IS NOT NULL AND NEW.format = 'offline'
BEGIN
    INSERT INTO chaos_promotions (reg_id, user_id, code, ahead)
    VALUES (NEW.id, NEW.user_id, NEW.entry_code,
            (SELECT COUNT(*) FROM registrations q WHERE q.event_id = NEW.event_id
             AND q.status = 'active' AND q.queue_no < OLD.queue_no));
END;
CREATE TABLE chaos_departures (
    reg_id  INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    code    TEXT,           -- the entry code of the seat left
    at      REAL    NOT NULL  -- Unix time of the change (the bot process's wall clock)
);
CREATE TRIGGER chaos_departure AFTER UPDATE ON registrations
WHEN OLD.status = 'active' AND OLD.format = 'offline'
     AND (NEW.status != 'active' OR NEW.format != 'offline')
BEGIN
    INSERT INTO chaos_departures (reg_id, user_id, code, at)
    VALUES (NEW.id, NEW.user_id, OLD.entry_code, (julianday('now') - 2440587.5) * 86400.0);
END;
-- Every seat given and every place in the queue taken, with the room as it was at that
-- moment (inside the same transaction): a seat beyond the room, or a queue joined while a
-- seat was free or ahead of someone queued earlier, breaks the seat rule even if a later
-- move hides it by the end of the phase (this is where an approval's seat rule shows).
CREATE TABLE chaos_moments (
    what     TEXT    NOT NULL,  -- 'seated' or 'queued'
    user_id  INTEGER NOT NULL,
    seated   INTEGER NOT NULL,  -- seats taken, this one included if seated
    capacity INTEGER NOT NULL,
    behind   INTEGER NOT NULL   -- queued people of the event with a later queue number
);
CREATE TRIGGER chaos_seated AFTER UPDATE OF format ON registrations
WHEN NEW.format = 'offline' AND NEW.status = 'active'
     AND (OLD.format != 'offline' OR OLD.status != 'active')
BEGIN
    INSERT INTO chaos_moments SELECT 'seated', NEW.user_id,
        (SELECT COUNT(*) FROM registrations s WHERE s.event_id = NEW.event_id
         AND s.status = 'active' AND s.format = 'offline'),
        (SELECT COALESCE(capacity_override, capacity) FROM events WHERE id = NEW.event_id), 0;
END;
CREATE TRIGGER chaos_queued AFTER UPDATE OF queue_no ON registrations
WHEN OLD.queue_no IS NULL AND NEW.queue_no IS NOT NULL
BEGIN
    INSERT INTO chaos_moments SELECT 'queued', NEW.user_id,
        (SELECT COUNT(*) FROM registrations s WHERE s.event_id = NEW.event_id
         AND s.status = 'active' AND s.format = 'offline'),
        (SELECT COALESCE(capacity_override, capacity) FROM events WHERE id = NEW.event_id),
        (SELECT COUNT(*) FROM registrations q WHERE q.event_id = NEW.event_id
         AND q.status = 'active' AND q.queue_no > NEW.queue_no);
END;
-- Approval: every decided form (its row leaves `pending`), and every registration made or
-- made again (with approval, only an approval makes one): the difference per person is
-- their declines. A form its author withdrew (a stale press can reach "Yes, withdraw it")
-- leaves `pending` too, with a 'withdrew' step in the audit in the same transaction: it
-- is marked so, as no decision (transactions are serial: the last row is its form).
CREATE TABLE chaos_decisions (
    user_id   INTEGER NOT NULL,
    wants     TEXT    NOT NULL,
    language  TEXT    NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER chaos_decision AFTER DELETE ON pending
BEGIN
    INSERT INTO chaos_decisions (user_id, wants, language)
    VALUES (OLD.user_id, OLD.wants, OLD.language);
END;
CREATE TRIGGER chaos_withdrawal AFTER INSERT ON audit WHEN NEW.action = 'withdrew'
BEGIN
    UPDATE chaos_decisions SET withdrawn = 1
    WHERE rowid = (SELECT MAX(rowid) FROM chaos_decisions);
END;
CREATE TABLE chaos_approvals (
    reg_id  INTEGER NOT NULL,
    user_id INTEGER NOT NULL
);
CREATE TRIGGER chaos_made AFTER INSERT ON registrations
BEGIN
    INSERT INTO chaos_approvals VALUES (NEW.id, NEW.user_id);
END;
CREATE TRIGGER chaos_made_again AFTER UPDATE OF status ON registrations
WHEN OLD.status = 'cancelled' AND NEW.status = 'active'
BEGIN
    INSERT INTO chaos_approvals VALUES (NEW.id, NEW.user_id);
END;
"""


async def prepare(path: Path) -> None:
    """Migrate the file as the bot would, then add the promotion log."""
    db = await Database.open(path)
    await db.close()
    with sqlite3.connect(path) as conn:
        conn.executescript(PROMOTION_LOG)
    conn.close()


def write_config(fake: FakeTelegram, folder: Path, capacity: int, admins: list[int],
                 approval: bool = False) -> Path:
    path = folder / "config.toml"
    path.write_text(f"""
[telegram]
token = "{fake.token}"
api_base = "{fake.base_url}"
admins = {admins}
[storage]
path = "{(folder / 'regbot.sqlite3').as_posix()}"
[event]
title = "{TITLE}"
approval = {str(approval).lower()}
starts_at = "2099-11-12T17:00:00"
timezone = "Asia/Almaty"
offline_capacity = {capacity}
venue = "DKU"
contact_phone = "+7 777 397 11 27"
zoom_conference_id = "846 8448 4087"
[sender]
rate_per_second = 200
per_chat_interval = 0
""", encoding="utf-8")
    return path


@dataclass
class BotProcess:
    """`python -m bot --config FILE`, restartable; its output goes to files in `folder`."""

    config: Path
    folder: Path
    process: asyncio.subprocess.Process | None = None
    starts: int = 0

    async def launch(self, fake: FakeTelegram) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("REGBOT_")}
        self.starts += 1
        with self._log() as out:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "--config", str(self.config), cwd=ROOT, env=env,
                stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out)

    def _log(self) -> IO[bytes]:
        """A file per start: the process writes it, we only read it afterwards."""
        return open(self.folder / f"bot{self.starts}.log", "wb")

    async def kill(self) -> None:
        """kill -9: no shutdown hook runs, in-flight work is lost mid-way."""
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await asyncio.wait_for(self.process.wait(), 10)

    async def stop(self) -> int | None:
        if self.process is None or self.process.returncode is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), 20)
        except TimeoutError:
            await self.kill()
            return None

    def output(self) -> str:
        return "".join(p.read_text("utf-8", "replace")
                       for p in sorted(self.folder.glob("bot*.log")))


@dataclass
class Person:
    """One participant, and what the test did in their chat."""

    user: FakeUser
    words: Words = EN  # the language they use
    yes_presses: list[float] = field(default_factory=list)  # monotonic times of "Yes, cancel"
    unanswered: int = 0  # actions that got no answer (a kill, or a lost reply)


@dataclass
class Snapshot:
    capacity: int
    rows: list[sqlite3.Row]
    promotions: list[sqlite3.Row]
    has_trigger: bool
    notices: list[sqlite3.Row]  # the outbox's 'promoted' notices, oldest first
    departures: list[sqlite3.Row]  # seats left, with the code and the moment
    moments: list[sqlite3.Row]  # seats given and queues joined, with the room then
    decisions: list[sqlite3.Row]  # forms decided (approved or declined)
    approvals: list[sqlite3.Row]  # registrations made (with approval: approved)
    waiting: list[sqlite3.Row]  # forms waiting for approval now
    news: list[sqlite3.Row]  # the outbox's 'approved' and 'declined', oldest first
    withdrawn: int = 0  # forms their authors took back (no decision, no news)


def snapshot(path: Path, event_slug: str = "event") -> Snapshot:
    """Read-only, so the test cannot change what it checks."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    try:
        event = conn.execute("SELECT id, COALESCE(capacity_override, capacity) AS size"
                             " FROM events WHERE slug = ?", (event_slug,)).fetchone()
        rows = conn.execute("SELECT * FROM registrations WHERE event_id = ? ORDER BY id",
                            (event["id"],)).fetchall()
        promotions = conn.execute("SELECT * FROM chaos_promotions").fetchall()
        trigger = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger'"
                               " AND name = 'chaos_promotion'").fetchone()
        notices = conn.execute("SELECT registration_id, status, attempts FROM notices"
                               " WHERE kind = 'promoted' ORDER BY id").fetchall()
        departures = conn.execute("SELECT * FROM chaos_departures").fetchall()
        moments = conn.execute("SELECT * FROM chaos_moments").fetchall()
        decisions = conn.execute("SELECT * FROM chaos_decisions WHERE NOT withdrawn"
                                 ).fetchall()
        withdrawn = int(conn.execute("SELECT COUNT(*) FROM chaos_decisions WHERE withdrawn"
                                     ).fetchone()[0])
        approvals = conn.execute("SELECT * FROM chaos_approvals").fetchall()
        waiting = conn.execute("SELECT * FROM pending WHERE event_id = ?",
                               (event["id"],)).fetchall()
        news = conn.execute(
            "SELECT n.kind, n.status, n.attempts, COALESCE(r.user_id, n.chat_id) AS user_id"
            " FROM notices n LEFT JOIN registrations r ON r.id = n.registration_id"
            " WHERE n.kind IN ('approved', 'declined') ORDER BY n.id").fetchall()
        return Snapshot(int(event["size"]), rows, promotions, trigger is not None, notices,
                        departures, moments, decisions, approvals, waiting, news, withdrawn)
    finally:
        conn.close()


def promotions(path: Path, log: str = "chaos_promotions") -> int:
    """How many queue-to-seat moves (or, with log="chaos_decisions", approvals and
    declines) the ledger has committed so far (read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {log}").fetchone()[0])
    finally:
        conn.close()


def ledger_violations(snap: Snapshot) -> list[str]:
    """The seat rules, from the file alone."""
    found: list[str] = []
    active = [r for r in snap.rows if r["status"] == "active"]
    seated = [r for r in active if r["format"] == "offline"]
    queued = sorted((r for r in active if r["queue_no"] is not None), key=lambda r: r["queue_no"])
    if len(seated) > snap.capacity:
        found.append(f"overbooked: {len(seated)} seats taken of {snap.capacity}")
    if queued and len(seated) < snap.capacity:
        found.append(f"a free seat ({len(seated)}/{snap.capacity}) while {len(queued)} wait")
    stamps = [r["waitlisted_at"] for r in queued]
    if stamps != sorted(stamps) or len({r["queue_no"] for r in queued}) != len(queued):
        found.append(f"queue out of order: {[(r['user_id'], r['queue_no']) for r in queued]}")
    if any(r["waitlisted_at"] is None for r in queued):
        found.append("a queued row without waitlisted_at")
    persons = Counter(r["user_id"] for r in active)
    found += [f"user {u}: {n} active registrations" for u, n in persons.items() if n > 1]
    codes = Counter(r["entry_code"] for r in seated)
    if None in codes or any(n > 1 for n in codes.values()):
        found.append(f"seat codes not unique or missing: {codes}")
    found += [f"user {r['user_id']}: an entry code without a seat" for r in snap.rows
              if r["entry_code"] and (r["format"] != "offline" or r["status"] != "active")]
    if not snap.has_trigger:
        found.append("the test's promotion log (trigger) is gone: a migration rebuilt the table?")
    found += [f"user {p['user_id']}: promoted past {p['ahead']} people still queued"
              for p in snap.promotions if p["ahead"]]
    for m in snap.moments:
        if m["what"] == "seated" and m["seated"] > m["capacity"]:
            found.append(f"user {m['user_id']}: seated as seat {m['seated']} of"
                         f" {m['capacity']}")
        if m["what"] == "queued" and (m["seated"] < m["capacity"] or m["behind"]):
            found.append(f"user {m['user_id']}: queued with {m['seated']}/{m['capacity']}"
                         f" seats taken, ahead of {m['behind']} queued earlier")
    active_users = {r["user_id"] for r in active}
    found += [f"user {w['user_id']}: waiting for approval and registered at once"
              for w in snap.waiting if w["user_id"] in active_users]
    return found


def chat_violations(snap: Snapshot, people: list[Person]) -> tuple[list[str], list[str]]:
    """(confirmations kept, promotions told exactly once): the chats against the file."""
    kept: list[str] = []
    told: list[str] = []
    rows = {r["user_id"]: r for r in snap.rows}
    for person in people:
        user = person.user
        said = person.words
        confirmed = [m for m in user.messages if said.registered in m.plain_text]
        row = rows.get(user.id)
        if confirmed and row is None:
            kept.append(f"user {user.id}: told 'registered', no row in the ledger")
        elif confirmed and row is not None and row["status"] != "active":
            last = confirmed[-1].at
            # A cancel the user asked for after the confirmation (or one whose answer never
            # came, so it may have been handled at any time) explains a cancelled row.
            if person.unanswered == 0 and not any(t > last for t in person.yes_presses):
                kept.append(f"user {user.id}: told 'registered', the row is cancelled and"
                            " no cancel was asked for since")
        notices = Counter(code for m in user.messages if said.promoted in m.plain_text
                          for code in said.code.findall(m.plain_text))
        mine = [p for p in snap.promotions if p["user_id"] == user.id]
        outbox = [(n["status"], n["attempts"]) for n in snap.notices
                  if n["registration_id"] in {p["reg_id"] for p in mine}]
        if len(outbox) != len(mine):
            told.append(f"user {user.id}: {len(mine)} promotions, {len(outbox)} notices")
        promoted = Counter(p["code"] for p in mine)
        for promotion, (status, attempts) in zip(mine, outbox, strict=False):
            code = promotion["code"]
            # Sent: told once, or once more for each kill while it was in flight (the
            # outbox counts the sends it began). Void: the registration changed before the
            # notice went out (left the seat, cancelled): not told, by design. Pending: not
            # yet sent.
            told_ok = {"sent": range(promoted[code], promoted[code] + attempts),
                       "void": range(0, 1)}.get(status)
            if status in ("unreachable", "failed") or (
                    told_ok is not None and notices[code] not in told_ok):
                told.append(f"user {user.id}: promoted with code {code}, notice {status},"
                            f" told {notices[code]}x")
        told += [f"user {user.id}: told of a promotion ({code}) the ledger did not make"
                 for code in notices if code not in promoted]
    return kept, told


# One request's trip from the bot to the fake, on a loaded machine (see told_after_leaving).
IN_FLIGHT = 0.2


def told_after_leaving(snap: Snapshot, people: list[Person]) -> tuple[list[str], int]:
    """Seat notices ("a seat has freed up ... Entry code: X") that reached the chat after the
    seat X had been left: (the findings, how many seat notices were checked).

    The chat's receive times are the fake's time.monotonic() (system-wide on Linux); the
    departures carry the bot's wall clock: the offset between the two is taken here, in
    this process. A notice decided (against the row) in the instant before the change may
    still be on its way when the change is written: nothing can call back a request in
    flight, so IN_FLIGHT is allowed for that one trip over loopback. The faults this check
    exists for were 0.4 s to 5 s late (a notice decided from a copy read before the change),
    well past it; one seen 0.005 s after the change under a loaded machine was in flight."""
    offset = time.time() - time.monotonic()
    left = {(d["user_id"], d["code"]): float(d["at"]) for d in snap.departures if d["code"]}
    found: list[str] = []
    checked = 0
    for person in people:
        for message in person.user.messages:
            if person.words.promoted not in message.plain_text:
                continue
            checked += 1
            for code in person.words.code.findall(message.plain_text):
                departed = left.get((person.user.id, code))
                received = message.at + offset
                if departed is not None and received > departed + IN_FLIGHT:
                    found.append(f"user {person.user.id}: told the seat {code} is theirs"
                                 f" {received - departed:.3f} s after leaving it")
    return found, checked


def as_sent(message: BotMessage) -> str:
    """A message as it arrived: a later press on its buttons may have edited it since (the
    news of an approval carries the registration's buttons)."""
    return _plain(message.history[0]) if message.history else message.plain_text


def told_range(news: list[sqlite3.Row]) -> range:
    """How many messages these outbox rows may have put in a chat: a sent one once, or once
    more per kill while it was in flight (attempts counts the sends begun); a void one
    none, unless a send began before a kill (the registration changed meanwhile)."""
    low = sum(1 for n in news if n["status"] == "sent")
    high = sum(n["attempts"] for n in news if n["status"] in ("sent", "void"))
    return range(low, max(low, high) + 1)


def approval_violations(snap: Snapshot, people: list[Person]) -> list[str]:
    """Each approval and each decline reached the outbox with the decision and was told
    exactly once (a kill in flight may repeat it), in the person's language, never in
    another; no approval without a decided form."""
    found: list[str] = []
    others = {language: words(language) for language in LANGUAGES}
    for person in people:
        user, said = person.user, person.words
        decided = sum(1 for d in snap.decisions if d["user_id"] == user.id)
        approved = sum(1 for a in snap.approvals if a["user_id"] == user.id)
        if approved > decided:
            found.append(f"user {user.id}: {approved} registrations made, {decided} forms"
                         " decided (a registration without an approval)")
        for kind, count, text in (("approved", approved, said.approved),
                                  ("declined", decided - approved, said.declined)):
            news = [n for n in snap.news if n["user_id"] == user.id and n["kind"] == kind]
            told = sum(1 for m in user.messages if text in as_sent(m))
            if len(news) != count:
                found.append(f"user {user.id}: {kind} {count}x, {len(news)} in the outbox")
            bad = [n["status"] for n in news if n["status"] not in ("sent", "void")]
            if bad or told not in told_range(news):
                found.append(f"user {user.id}: {kind} {count}x, told {told}x, the outbox"
                             f" says {[(n['status'], n['attempts']) for n in news]}")
            for language, theirs in others.items():
                wrong = getattr(theirs, kind)
                if language != said.language and any(wrong in as_sent(m)
                                                      for m in user.messages):
                    found.append(f"user {user.id} ({said.language}): told '{kind}' in"
                                 f" {language}")
        # Waiting now: nothing since the form went to the organisers says "a seat is
        # yours" or "approved" (news decided from a registration left to apply again is
        # void). A kill may have taken the "waiting" answer itself: then nothing to compare.
        if any(w["user_id"] == user.id for w in snap.waiting):
            since = max((n for n, m in enumerate(user.messages) if said.pending in m.plain_text),
                        default=len(user.messages))
            late = [m for m in user.messages[since + 1:] if said.promoted in as_sent(m)
                    or said.approved in as_sent(m)]
            if late:
                found.append(f"user {user.id}: waiting for approval, told of a seat or an"
                             f" approval since: {[as_sent(m)[:60] for m in late]}")
    return found
