"""The event's own questions in the config (issue 21): each mistake an organiser is likely
to make gets one plain line and exit 2; a good block loads, under [event] and [[events]]."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.errors import load_or_explain
from core.config import load_settings
from tests.test_config_errors import TOKEN, config, refused
from tests.test_config_errors import token as token  # the test token, for every test here
from tests.test_events_config import ROOT

GOOD = '''
[[event.questions]]
id = "topic"
kind = "choice"
label = "Which agenda question interests you most?"
options = ["Labour migration", "NGOs", "Authorities"]
[event.questions.text.kk]
label = "Күн тәртібінің қай сұрағы?"
options = ["Еңбек көші-қоны", "ҮЕҰ", "Мемлекеттік органдар"]
'''


@pytest.mark.parametrize(("tail", "expected"), [
    (GOOD.replace('kind = "choice"', 'kind = "dropdown"'),
     "`kind` of [[event.questions]] number 1 in"),  # counted from 1, as elsewhere
    (GOOD.replace('label = "Which agenda question interests you most?"', 'label = ""'),
     "`label` of [[event.questions]] number 1 in"),
    (GOOD.replace('id = "topic"', 'id = "topic"\ncolour = "red"'), "unknown key `colour`"),
    (GOOD + GOOD, "two questions have the id 'topic'"),
    ('\n[[event.questions]]\nid = "why"\nkind = "text"\nlabel = "Why?"\noptions = ["a", "b"]\n',
     "a text question has no `options`"),
    (GOOD.replace('options = ["Еңбек көші-қоны", "ҮЕҰ", "Мемлекеттік органдар"]',
                  'options = ["Еңбек көші-қоны", "ҮЕҰ"]'), "gives 2 option labels for 3"),
    (GOOD.replace('options = ["Еңбек көші-қоны", "ҮЕҰ", "Мемлекеттік органдар"]', ""),
     "[text.kk] needs `options`"),
    (GOOD.replace('"ҮЕҰ", "Мемлекеттік органдар"]', '"ҮЕҰ", "ҮЕҰ"]'),
     "[text.kk] options need 1-60 characters each, all different"),
    (GOOD.replace('"ҮЕҰ", "Мемлекеттік органдар"]', f'"ҮЕҰ", "{"Ө" * 61}"]'),
     "[text.kk] options need 1-60 characters each"),
    (GOOD.replace('id = "topic"', 'id = "Topic!"'), "2-40 lowercase letters"),
    (GOOD.replace('id = "topic"', 'id = "phone"'), "taken by the built-in form"),
    ('\n[[event.questions]]\nid = "n"\nkind = "number"\nlabel = "N?"\nmin = 5\nmax = 1\n',
     "2-40 lowercase"),
    ('\n[[event.questions]]\nid = "age"\nkind = "number"\nlabel = "N?"\nmin = 5\nmax = 1\n',
     "`min` is above `max`"),
])
def test_a_mistake_in_the_questions_is_one_plain_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], tail: str, expected: str) -> None:
    said = refused(config(tmp_path, tail=tail), capsys)
    assert expected in said, said


@pytest.mark.parametrize(("form", "expected"), [
    ('["name", "org", "topic", "role", "phone", "pass-id"]', "`form` names 'pass-id'"),
    ('["name", "org", "role", "phone"]', "`form` leaves out 'topic'"),
    ('["org", "name", "topic", "role", "phone"]', '`form` must start with "name"'),
])
def test_a_form_order_naming_a_missing_question_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str, expected: str) -> None:
    said = refused(config(tmp_path, form=form, tail=GOOD), capsys)
    assert expected in said, said


def test_good_questions_load_under_event_and_events(tmp_path: Path) -> None:
    events = GOOD.replace("event.questions", "events.questions")
    tail = (GOOD + '\n[[events]]\nid = "second"\ntitle = "B"\nstarts_at = 2099-12-01T10:00:00\n'
            'offline_capacity = 5\nvenue = "V"\ncontact_phone = "1"\n'
            'zoom_conference_id = "1"\n' + events)
    settings = load_or_explain(config(tmp_path, id='"first"',
                                      form='["name", "org", "topic", "role", "phone"]',
                                      tail=tail))
    first, second = settings.all_events
    assert first.form_model.order == ("name", "org", "topic", "role", "phone")
    assert second.form_model.order == ("name", "org", "role", "phone", "topic")
    topic = second.form_model.question("topic")
    assert topic is not None and topic.options_in("kk")[1] == "ҮЕҰ"
    assert topic.options_in("ru") == topic.options  # no Russian given: the plain ones


def test_check_lists_the_form_and_approval(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    limited = GOOD.replace('kind = "choice"', 'kind = "choice"\nrequired = false\n'
                                              'formats = ["offline"]')
    path = config(tmp_path, approval="true", tail=limited)
    assert main(["check", "--config", str(path)]) == 0
    said = capsys.readouterr().out
    assert "  form          name, org, role, phone, topic (choice, offline only, optional)" \
        in said, said
    assert "  approval      on: each registration waits for an organiser" in said, said


def test_the_commented_form_example_loads(tmp_path: Path) -> None:
    """config.example.toml's commented approval, roles and questions, uncommented."""
    text = (ROOT / "config.example.toml").read_text("utf-8")
    start = text.index("# Optional: registrations wait for an organiser's Approve")
    end = text.index("# Optional: this event's own reminders")
    block = re.sub(r"(?m)^# (?=\[|[a-z_]+ = )", "", text[start:end])
    path = tmp_path / "config.toml"
    path.write_text(text[:start] + block + text[end:], "utf-8")
    event = load_settings(path, telegram={"token": TOKEN}).all_events[0]
    assert event.approval and event.role_codes == ("ngo", "state", "research", "other")
    topic = event.form_model.question("topic")
    assert event.form_model.order == ("name", "org", "topic", "role", "phone")
    assert topic is not None and topic.options_in("ru")[0] == "Трудовая миграция"
