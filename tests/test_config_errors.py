"""Every config mistake an organiser is likely to make gets one plain message and exit 2,
before any request (the entry point is called in-process: a config error never reaches
aiogram)."""

from __future__ import annotations

import asyncio
import re
import signal
from datetime import datetime
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.errors import ConfigError, load_or_explain
from core.config import closest_zones, complete_times
from loopback import FakeTelegram
from tests.harness import Running, has
from tests.test_cli import TOKEN as CLI_TOKEN
from tests.test_cli import launch
from tests.test_cli import toml as cli_toml
from tests.test_startup_faults import free_port

TOKEN = "424242:AAE-config_Secret-Value-9x"
ROOT = Path(__file__).resolve().parent.parent
EVENT = {"title": '"Round table"', "starts_at": "2099-11-12T17:00:00",
         "timezone": '"Asia/Almaty"', "offline_capacity": "10", "venue": '"DKU"',
         "contact_phone": '"+7 777 397 11 27"', "zoom_conference_id": '"846 8448 4087"'}


def config(tmp_path: Path, telegram: str = "", tail: str = "", storage: str = "",
           **event: str) -> Path:
    values = {**EVENT, **event}
    lines = "\n".join(f"{k} = {v}" for k, v in values.items() if v)
    path = tmp_path / "config.toml"
    db = (tmp_path / "db.sqlite3").as_posix()
    path.write_text(f'[telegram]\n{telegram}\n[storage]\npath = "{db}"\n{storage}\n'
                    f"[event]\n{lines}\n{tail}", "utf-8")
    return path


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("REGBOT_CONFIG", "REGBOT_TELEGRAM__ADMINS", "REGBOT_EVENT__TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)


def refused(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--config", str(path)]) == 2
    said = capsys.readouterr().err
    assert "Traceback" not in said and "Value error" not in said, said
    assert TOKEN not in said and TOKEN.partition(":")[2] not in said
    return said


@pytest.mark.parametrize(("where", "typo", "suggested"), [
    ("event", "zoom_link", "zoom_url"),
    ("attendance", "release_silnt", "release_silent"),
    ("telegram", "admin", "admins"),
    ("storage", "pth", "path"),
])
def test_unknown_keys_are_refused_with_a_suggestion(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, typo: str,
        suggested: str) -> None:
    if where == "event":
        path = config(tmp_path, **{typo: '"x"'})
    elif where == "telegram":
        path = config(tmp_path, telegram=f"{typo} = []")
    elif where == "storage":
        path = config(tmp_path, storage=f"{typo} = 1")
    else:
        path = config(tmp_path, tail=f"\n[{where}]\n{typo} = 1\n")
    said = refused(path, capsys)
    assert f"unknown key `{typo}`" in said and f"did you mean `{suggested}`" in said, said
    assert f"[{where}]" in said, said


def test_unknown_key_in_a_list_item_names_the_item(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, tail='\n[[reminders]]\nbefore = "P1D"\n'
                                          '[[reminders]]\nbefor = "PT1H"\n'), capsys)
    assert "`befor` in [[reminders]] number 2" in said and "`before`" in said, said


def test_a_reminder_to_those_who_came_is_refused(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, tail='\n[[reminders]]\nbefore = "PT1H"\n'
                                          'audience = "attended"\n'), capsys)
    assert "reaches nobody" in said and "[[event.followups]]" in said, said
    assert len(said.strip().splitlines()) <= 2, said


def test_an_own_role_needs_a_label_in_every_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, roles='["ngo", "student"]', tail=(
        '[event.text.en]\nroles = { student = "Student" }\n'
        '[event.text.ru]\nroles = { student = "Student (ru)" }\n')), capsys)
    assert "role `student`" in said and "no kk label" in said, said
    assert '[event.text.kk]' in said, said  # where to add it; "ngo" has the catalogs'


def test_unknown_section_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, tail="\n[evnt]\ntitle = 1\n"), capsys)
    assert "unknown key `evnt`" in said and "did you mean `event`" in said, said


def test_a_date_without_time_is_refused(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, starts_at="2099-03-20"), capsys)
    assert "event.starts_at" in said and "no time of day" in said, said
    assert "2099-03-20T18:00:00" in said, said


def test_a_time_without_seconds_is_completed(tmp_path: Path) -> None:
    settings = load_or_explain(config(tmp_path, starts_at="2099-03-20 18:00  # local"))
    assert settings.all_events[0].starts_at == datetime(2099, 3, 20, 18, 0)
    assert complete_times('x = "2099-03-20 18:00"') == 'x = "2099-03-20 18:00"'  # a string


def test_a_syntax_error_is_explained_with_an_example(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, venue="DKU Almaty"), capsys)
    assert "cannot read" in said and 'venue = "DKU"' in said, said
    assert "starts_at = 2027-03-20T18:00:00" in said, said


def test_a_notepad_byte_order_mark_is_read_as_utf8(tmp_path: Path) -> None:
    path = config(tmp_path, venue='"ДКУ"')
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_or_explain(path).all_events[0].venue == "ДКУ"


def test_a_notepad_unicode_file_is_read(tmp_path: Path) -> None:
    path = config(tmp_path, venue='"ДКУ"')
    path.write_bytes(path.read_text("utf-8").encode("utf-16"))  # with its byte-order mark
    assert load_or_explain(path).all_events[0].venue == "ДКУ"


def test_a_windows_1251_file_is_explained(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, venue='"ДКУ"')
    path.write_bytes(path.read_text("utf-8").encode("cp1251"))
    said = refused(path, capsys)
    line = 1 + path.read_text("cp1251").split("\n").index('venue = "ДКУ"')
    assert f"not saved as UTF-8 (line {line}" in said and "Encoding: UTF-8" in said, said
    assert "codec" not in said, said


def test_closing_after_the_start_is_refused(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, registration_closes_at="2099-11-13T12:00:00"), capsys)
    assert "registration_closes_at" in said and "is after starts_at" in said, said


def test_time_zone_typos_get_the_closest_names(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, timezone='"Almaty"'), capsys)
    assert "unknown time zone 'Almaty'" in said and "'Asia/Almaty'" in said, said
    assert "Europe/Berlin" in closest_zones("Europe/Berln")
    assert closest_zones("new york") == ["America/New_York"]


def test_usernames_in_admins_are_explained(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, telegram='admins = ["@organiser"]'), capsys)
    assert "'@organiser' is not a numeric Telegram user id" in said and "/id" in said, said
    assert "REGBOT_TELEGRAM__ADMINS" in said
    # Numbers written as text are still numbers.
    settings = load_or_explain(config(tmp_path, telegram='admins = ["12345", 678]'))
    assert settings.telegram.admins == [12345, 678]


def test_list_items_name_an_env_variable_that_works(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, tail='\n[[events]]\nid = "b"\ntitle = "B"\n'
                                          'starts_at = 2099-01-01\n'), capsys)
    assert "REGBOT_EVENTS, the whole list as JSON" in said, said
    assert "REGBOT_EVENTS__" not in said, said


def test_a_token_with_spaces_around_is_trimmed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", f"  {TOKEN}\n")
    settings = load_or_explain(config(tmp_path))
    assert settings.telegram.token.get_secret_value() == TOKEN


async def test_id_answers_anyone_with_the_line_to_paste(fake: FakeTelegram,
                                                       running: Running) -> None:
    stranger = fake.user(123456789, language_code="en")
    await stranger.send("/id")
    said = await stranger.reply(has("123456789"))
    assert "admins = [123456789]" in said.plain_text, said.plain_text


async def test_an_unreachable_bot_api_at_start_is_tried_again(tmp_path: Path) -> None:
    port = free_port()
    bot = await launch(tmp_path / "run", cli_toml(f"http://127.0.0.1:{port}",
                                                  tmp_path / "retry.sqlite3"))
    try:
        async with asyncio.timeout(30):
            while bot.stderr.count("cannot reach the Bot API") < 2:
                assert bot.process.returncode is None, bot.output
                await asyncio.sleep(0.1)
        async with FakeTelegram(token=CLI_TOKEN) as fake:  # the network is back
            await fake.stop()
            await fake.start(port)
            await fake.wait_until(lambda: fake.polling, timeout=30)
            bot.process.send_signal(signal.SIGTERM)
            assert await bot.exit_code() == 0, bot.output
    finally:
        if bot.process.returncode is None:
            bot.process.kill()
            await bot.process.wait()
    said = bot.stderr
    assert "(try 1)" in said and "(try 2)" in said and "trying again in 2 s" in said, said
    assert "Traceback" not in said and CLI_TOKEN not in said


@pytest.mark.parametrize(("line", "expected"), [
    ("REGBOT_SENDER__RATE_PER_SECND=3",
     "unknown setting REGBOT_SENDER__RATE_PER_SECND (.env): did you mean "
     "REGBOT_SENDER__RATE_PER_SECOND?"),
    ("REGBOT_SENDR__RATE_PER_SECOND=3",
     "unknown setting REGBOT_SENDR__RATE_PER_SECOND (.env): did you mean "
     "REGBOT_SENDER__RATE_PER_SECOND?"),
    ("REGBOT_SENDER__RATE_PER_SECOND=fast",
     "invalid value for `sender.rate_per_second` from REGBOT_SENDER__RATE_PER_SECOND (.env):"
     " write a number (e.g. 29.5)"),
])
def test_a_mistake_in_dotenv_names_the_line_not_the_toml_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        line: str, expected: str) -> None:
    path = config(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"COMPOSE_PROJECT_NAME=regbot\n{line}\n", "utf-8")
    said = refused(path, capsys)
    assert expected in said and "config.toml" not in said, said


def test_a_bad_value_in_the_environment_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REGBOT_SENDER__RATE_PER_SECOND", "fast")
    said = refused(config(tmp_path), capsys)
    assert "REGBOT_SENDER__RATE_PER_SECOND (the environment)" in said, said


# Issue 19, finding 4: the config check's gaps a newcomer met.

@pytest.mark.parametrize("key", ["title", "venue", "contact_phone", "zoom_conference_id"])
def test_finding_4_an_empty_text_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            key: str) -> None:
    said = refused(config(tmp_path, **{key: '"  "'}), capsys)
    assert f"event.{key}" in said and "is empty" in said, said
    assert len(said.strip().splitlines()) == 1, said


def test_finding_4_an_offset_suggests_zones_with_that_offset(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, timezone='"UTC+5"'), capsys)
    assert "'Asia/Almaty'" in said and "an offset, not a time zone" in said, said
    assert "'UTC'" not in said and "Etc/" not in said, said
    said = refused(config(tmp_path, timezone='"GMT+06:00"'), capsys)
    assert "Asia/Almaty" not in said and "Asia/Bishkek" in said, said  # Almaty is +5


def test_finding_4_a_local_date_form_gets_one_line_with_the_form_to_use(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(config(tmp_path, starts_at='"12.11.2026 17:00"'), capsys)
    assert said.strip().splitlines() == [
        f"regbot: invalid value for `event.starts_at` in {tmp_path / 'config.toml'} (or "
        "REGBOT_EVENT__STARTS_AT): write '12.11.2026 17:00' as 2026-11-12T17:00:00 "
        "(year-month-day, the local time, no quotes)"], said


def test_finding_4_a_typo_of_a_required_key_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, title="", titel='"Round table"')
    said = refused(path, capsys)
    assert said.strip().splitlines() == [
        f"regbot: unknown key `titel` in [event] of {path}: did you mean `title`?"], said


def test_finding_4_the_missing_token_is_never_sent_to_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGBOT_TELEGRAM__TOKEN")
    monkeypatch.chdir(tmp_path)
    said = refused(config(tmp_path), capsys)
    assert "REGBOT_TELEGRAM__TOKEN" in said and ".env" in said, said
    assert "under [telegram]" not in said and "never in" in said, said


@pytest.mark.parametrize(("line", "said"), [
    ("offline_capacity = \"ten\"", "`event.offline_capacity`"
     " in {path} (or REGBOT_EVENT__OFFLINE_CAPACITY): write a whole number (e.g. 10)"),
    ("offline_capacity = -3", "`event.offline_capacity` in {path} (or "
     "REGBOT_EVENT__OFFLINE_CAPACITY): must be 0 or more"),
])
def test_a_wrong_value_is_said_in_plain_words(tmp_path: Path, line: str, said: str) -> None:
    """The key is right and its value is not: the line says what to write, not pydantic's
    'Input should be a valid integer, unable to parse string as an integer'."""
    text = (ROOT / "config.example.toml").read_text("utf-8")
    path = tmp_path / "config.toml"
    path.write_text(re.sub(r"(?m)^offline_capacity = .*$", line, text, count=1), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_or_explain(path)
    message = str(caught.value)
    assert message.splitlines() == [f"invalid value for {said.format(path=path)}"], message
    assert "Input should" not in message
