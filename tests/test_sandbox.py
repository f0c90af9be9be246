"""`python -m bot sandbox`: the real bot in a terminal chat, driven as an organiser would,
through a pseudo-terminal (and once through a pipe). No token, no network."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from bot.sandbox.console import parse_span

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
              pytest.mark.slow]  # runs the sandbox as a subprocess


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGBOT_")}
    env["PYTHONIOENCODING"] = "utf-8"
    # What a real bot's environment holds: the sandbox must use none of it.
    env["REGBOT_TELEGRAM__TOKEN"] = "123:real-token-not-for-the-sandbox"
    env["REGBOT_TELEGRAM__API_BASE"] = "http://192.0.2.1:9"
    env["REGBOT_WEBHOOK__URL"] = "https://bot.example.org/telegram"
    return env


class Terminal:
    """The sandbox on a pseudo-terminal: type lines, read what it prints."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                                     env=clean_env(), close_fds=True)
        os.close(slave)
        self.output = ""
        self.pos = 0

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def read_until(self, text: str, timeout: float = 30.0) -> str:
        """What was printed since the last call, up to and including `text`."""
        deadline = time.monotonic() + timeout
        while text not in self.output[self.pos:]:
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(left):
                raise AssertionError(f"{text!r} not printed within {timeout}s; the end of the "
                                     f"output:\n{self.output[-3000:]}")
        end = self.output.index(text, self.pos) + len(text)
        seen, self.pos = self.output[self.pos:end], end
        return seen

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the program has exited and closed the terminal
            chunk = b""
        self.output += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return bool(chunk)

    def exit_code(self, timeout: float = 30.0) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(0.1)  # keep the terminal drained while it stops
        return self.proc.wait(timeout=1)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def test_a_whole_session_in_the_terminal(tmp_path: Path) -> None:
    term = Terminal([sys.executable, "-m", "bot", "sandbox"], tmp_path)
    try:
        banner = term.read_until("participant 1> ")
        assert "The example event" in banner and "so registration is open" in banner
        assert "(config.example.toml)" in banner  # the file the README names

        # A second sandbox on the same database is refused, in one line.
        db = re.search(r"Database: (\S+) \(deleted at exit\)", banner)
        assert db is not None, banner
        second = subprocess.run([sys.executable, "-m", "bot", "sandbox", "--db", db[1]],
                                stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                encoding="utf-8", cwd=tmp_path, env=clean_env(), timeout=60)
        assert second.returncode == 2
        assert second.stderr.count("\n") == 1 and "is in use by another sandbox" in second.stderr
        assert "regbot sandbox:" not in second.stdout

        # 1. Registration, typed: commands and text as in Telegram, buttons by number.
        for typed, expect in [("/start", "Register"), ("1", "I agree"), ("1", "full name"),
                              ("Alice Smith", "organisation"), ("NGO Help", "[1] NGO"),
                              ("1", "phone number"), ("2", "Offline"), ("1", "Confirm"),
                              ("1", "You are registered")]:
            term.type(typed)
            term.read_until(expect)
        card = term.read_until("participant 1> ")
        assert "[1] 🎫 Entry pass (QR)" in card and "Entry code:" in card
        term.type("1")
        photo = saved(term.read_until("participant 1> "), "photo", "pass.png")
        assert photo.read_bytes().startswith(b"\x89PNG")
        term.type("2")
        ics = saved(term.read_until("participant 1> "), "file", "dku-migration-2020.ics")
        assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
        term.type("9")  # the latest message (the calendar file) has no button 9: typed
        assert "sent 9 as a message" in term.read_until("participant 1> ")
        term.type("/wait 100000d")  # no jump to the year 2300
        assert "at most 400 days" in term.read_until("participant 1> ")
        term.type("/say")
        assert "usage: /say 5" in term.read_until("participant 1> ")

        # 4. Other people: a second participant, and the organiser's console.
        term.type("/as 2")
        term.read_until("participant 2> ")
        term.type("/start")
        assert "9 of 10 seats left" in term.read_until("participant 2> ")
        term.type("/as admin")
        term.read_until("organiser> ")
        term.type("/stats")
        assert "Seats taken: 1 of 10" in term.read_until("organiser> ")

        # 2. The day-before reminder, after /wait: Alice, online now, gets the Zoom ID. She
        # is not who we act as, so it is announced, then shown when we become her.
        term.type("/as 1")
        term.read_until("participant 1> ")
        term.type("/my")  # her card again: the bot's latest word was "I did not understand"
        term.read_until("participant 1> ")
        term.type("4")  # Switch to online, on her registration card
        term.read_until("You take part online")
        term.type("/as admin")
        term.read_until("organiser> ")
        term.type("/wait 3d")  # the event starts 3 to 4 days ahead: past its P1D reminder
        waited = term.read_until("organiser> ")
        assert "1 new message for participant 1: /as 1 to read" in waited
        assert "sandbox time:" in waited
        term.type("/as 1")
        reminder = term.read_until("participant 1> ")
        assert "Reminder:" in reminder and "846 8448 4087" in reminder

        # 3. /quit stops the bot and exits 0.
        term.type("/quit")
        assert term.exit_code() == 0
        assert "(sandbox stopped)" in term.output
        assert not ics.exists()  # it was in the temporary folder
    finally:
        term.close()


def saved(printed: str, kind: str, name: str) -> Path:
    """The file the sandbox says it saved the bot's document to; it holds as many bytes as
    the line says."""
    found = re.search(rf"\({kind}: {re.escape(name)}, (\d+) bytes, saved to (.+)\)\n", printed)
    assert found is not None, printed
    path = Path(found[2])
    assert path.name == name and len(path.read_bytes()) == int(found[1])
    return path


def test_piped_with_an_own_config_ignores_the_real_bots_settings(tmp_path: Path) -> None:
    """On a pipe, ending at EOF; --config is used, but not the token, api_base or webhook
    of the environment or a .env."""
    config = (ROOT / "config.example.toml").read_text("utf-8")
    config = config.replace("starts_at = 2020-11-12T17:00:00", "starts_at = 2099-11-12T17:00:00")
    config = config.replace("per_chat_interval = 1.0", "per_chat_interval = 0.0")  # quicker
    (tmp_path / "mine.toml").write_text(config, "utf-8")
    (tmp_path / ".env").write_text("REGBOT_TELEGRAM__TOKEN=1:from-dotenv\n"
                                   "REGBOT_STORAGE__PATH=/nonexistent/x.sqlite3\n", "utf-8")
    db = tmp_path / "kept.sqlite3"
    # Registered, then a broadcast sent just before the input ends: its report comes after.
    typed = ["/start", "1", "1", "Alice Smith", "NGO Help", "1", "2", "1", "1",
             "/as admin", "/broadcast", "Hello all", "1", "1"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "sandbox", "--config", "mine.toml", "--db", str(db)],
        input="\n".join(typed) + "\n", capture_output=True, text=True, encoding="utf-8",
        cwd=tmp_path, env=clean_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Event dku-migration-2020 from mine.toml" in out and "2099-11-12 17:00" in out
    assert "participant 1> /start" in out  # what was typed is shown in a piped transcript
    assert "[1] ✅ I agree" in out
    assert "(you pressed [📤 Send])" in out
    stopping = out.index("(end of input: stopping)")
    assert "Broadcast finished: 1 sent" in out[stopping:]
    assert db.is_file()  # --db: kept
    assert f"saved in {tmp_path / 'kept-files'}." in out  # next to it, kept too


def test_wait_spans() -> None:
    assert parse_span("23h") == timedelta(hours=23)
    assert parse_span("1d2h") == timedelta(days=1, hours=2)
    assert parse_span("90s") == timedelta(seconds=90)
    assert parse_span("1d 30m") == timedelta(days=1, minutes=30)
    for bad in ("", "soon", "0h", "2x", "h"):
        assert parse_span(bad) is None
    assert parse_span("9" * 30 + "d") == timedelta.max  # too long for /wait, not an error


def test_after_the_event_in_the_sandbox(tmp_path: Path) -> None:
    """Join now, the poll (/vote) and the certificate, typed into a piped sandbox."""
    from datetime import UTC, datetime

    from core.timeutil import zone

    starts = (datetime.now(UTC) + timedelta(days=2)).astimezone(zone("Asia/Almaty"))
    config = (ROOT / "config.example.toml").read_text("utf-8")
    config = config.replace("starts_at = 2020-11-12T17:00:00",
                            f"starts_at = {starts:%Y-%m-%dT%H:%M:00}\ncertificates = true")
    config = config.replace("per_chat_interval = 1.0", "per_chat_interval = 0.0")
    config += '\n[event.feedback]\nafter = "PT30M"\n'
    (tmp_path / "mine.toml").write_text(config, "utf-8")
    typed = ["/lang en", "/start", "1", "1", "Alice Smith", "NGO Help", "1", "Skip", "2", "1",
             "/wait 1d23h50m", "1", "/wait 2h20m", "1", "/wait 20m", "/vote 5", "More coffee"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "sandbox", "--config", "mine.toml"],
        input="\n".join(typed) + "\n", capture_output=True, text=True, encoding="utf-8",
        cwd=tmp_path, env={**clean_env(), "PYTHONPATH": str(ROOT)}, timeout=90)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "(you pressed [▶️ Join now])" in out and "Join here:" in out
    assert "answer with /vote N)" in out and "What should we change?" in out
    assert "Thank you for your feedback!" in out
    assert "(you pressed [✅ Issue my certificate])" in out
    assert re.search(r"\(file: certificate-\S+\.pdf, \d+ bytes, saved", out), out[-3000:]


def sandbox(tmp_path: Path, db: Path, typed: list[str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "sandbox", "--db", str(db)],
        input="\n".join(typed) + "\n", capture_output=True, text=True, encoding="utf-8",
        cwd=tmp_path, env=clean_env(), timeout=90)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_finding_10_sandbox_traps(tmp_path: Path) -> None:
    """Issue 19: a typed number answers a typed question; a reused --db keeps its people
    reachable; /wait says what it went past."""
    db = tmp_path / "again.sqlite3"
    first = sandbox(tmp_path, db, [
        "/start", "1", "1", "Alice Smith", "NGO Help", "1", "87015554433", "1", "1",
        "/as 2", "/start", "1", "1", "Bob Brown", "NGO Help", "1", "2", "1", "1"])
    assert "+77015554433" in first and "there is no button" not in first
    assert first.count("You are registered") == 2
    second = sandbox(tmp_path, db, [
        "/as admin", "/broadcast", "Hello again", "1", "1", "/wait 3d", "/wait 5d"])
    stopping = second.index("(end of input: stopping)")
    assert "Broadcast finished: 2 sent, 0 unreachable" in second, second[-3000:]
    assert re.search(r"the reminder 1d before went out: 2 sent", second[:stopping]), second
    assert "(skipped: dku-migration-2020: the reminder 1h before" in second


def test_a_typed_backslash_n_is_a_line_break(tmp_path: Path) -> None:
    """Options one per line, a title with its venue: a terminal line holds no break."""
    said = sandbox(tmp_path, tmp_path / "lines.sqlite3", [
        "/start", "1", "1", "Alice Smith", "NGO Help", "1", "2", "1", "1",
        "/as admin", "/broadcast", "Doors open at 16:30\\nBring your ID", "1"])
    assert "\nDoors open at 16:30\nBring your ID\n[1] 📤 Send" in said, said[-2000:]
