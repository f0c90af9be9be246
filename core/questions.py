"""The form model: an event's form is an ordered list of questions.

Four questions are built in (name, organisation, role, phone: columns of their own, asked
by their own steps as before); an event adds its own in the config (`[[event.questions]]`)
or from the chat (/form). Everything that walks the form (which question comes next, what
the summary lists, what is stored and exported, what erasure removes) asks `FormModel`, so a
new question kind touches this module, its keyboard and its catalog texts only.

Answers to an event's own questions are plain JSON values kept under their question's id:
text, email, phone -> str; number -> int or float; yesno -> bool; choice -> the option as
the config spells it (its first language), multi -> a list of those; skipped -> None."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.validation import Problem, clean_phone, clean_text

Lang = Literal["kk", "ru", "en"]
FormatName = Literal["offline", "online"]
Kind = Literal["text", "choice", "multi", "yesno", "number", "email", "phone"]
KINDS: tuple[str, ...] = ("text", "choice", "multi", "yesno", "number", "email", "phone")
BUILTIN = ("name", "org", "role", "phone")  # the default form, in its order
FORMAT, CONFIRM = "format", "confirm"  # the steps after (and around) the questions
RESERVED = (*BUILTIN, FORMAT, CONFIRM, "consent", "event", "answers")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{1,39}")
FORMATS = ("offline", "online")
TEXT_MAX = 300
OPTION_MAX = 60  # a button's label: longer ones are cut by the phone's screen anyway
EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}")


def _both() -> list[FormatName]:
    return ["offline", "online"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


LABEL_MAX = 500


class QuestionText(_Strict):
    """One language's wording of a question ([event.questions.text.kk])."""

    label: str | None = Field(default=None, max_length=LABEL_MAX)
    options: list[str] | None = None


class Question(_Strict):
    id: str
    kind: Kind
    label: str = Field(min_length=1, max_length=LABEL_MAX)
    options: list[str] = Field(default_factory=list)
    required: bool = True
    formats: list[FormatName] = Field(default_factory=lambda: _both())
    min: int | None = None  # number
    max: int | None = None  # number
    max_length: int = Field(default=TEXT_MAX, ge=1, le=1000)  # text
    text: dict[Lang, QuestionText] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        # By value, not by the keys given: the stored definition (JSON) repeats the defaults.
        if not ID_PATTERN.fullmatch(self.id):
            raise ValueError(f"question id {self.id!r}: use 2-40 lowercase letters, digits "
                             "and '-'")
        if self.id in RESERVED:
            raise ValueError(f"question id {self.id!r} is taken by the built-in form; "
                             "choose another")
        has_options = self.kind in ("choice", "multi")
        if has_options and len(self.options) < 2:
            raise ValueError(f"question {self.id!r} ({self.kind}) needs `options`: two or "
                             "more")
        if not has_options and self.options:
            raise ValueError(f"question {self.id!r}: a {self.kind} question has no `options` "
                             "(only choice and multi do)")
        if len(set(self.options)) != len(self.options):
            raise ValueError(f"question {self.id!r}: two options are the same")
        if any(not o.strip() or len(o) > OPTION_MAX for o in self.options):
            raise ValueError(f"question {self.id!r}: each option needs 1-{OPTION_MAX} "
                             "characters")
        if self.kind != "number" and (self.min is not None or self.max is not None):
            raise ValueError(f"question {self.id!r}: `min` and `max` are for number "
                             "questions")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"question {self.id!r}: `min` is above `max`")
        if self.kind != "text" and self.max_length != TEXT_MAX:
            raise ValueError(f"question {self.id!r}: `max_length` is for text questions")
        if not self.formats or len(set(self.formats)) != len(self.formats):
            raise ValueError(f"question {self.id!r}: `formats` is \"offline\", \"online\" "
                             "or both")
        for code, text in self.text.items():
            if text.options is None:
                if has_options:
                    raise ValueError(f"question {self.id!r}: [text.{code}] needs `options`, "
                                     "one label per option")
                continue
            if not has_options:
                raise ValueError(f"question {self.id!r}: [text.{code}] has `options`, but a "
                                 f"{self.kind} question has none")
            if len(text.options) != len(self.options):
                raise ValueError(f"question {self.id!r}: [text.{code}] gives "
                                 f"{len(text.options)} option labels for "
                                 f"{len(self.options)} options")
            # The same rules as the main options: each is a button's label.
            if (len(set(text.options)) != len(text.options)
                    or any(not o.strip() or len(o) > OPTION_MAX for o in text.options)):
                raise ValueError(f"question {self.id!r}: [text.{code}] options need 1-"
                                 f"{OPTION_MAX} characters each, all different")
        return self

    @property
    def limited(self) -> bool:
        """Asked only once the format is known (and only of people choosing it)."""
        return set(self.formats) != set(FORMATS)

    def _in(self, language: str) -> QuestionText | None:
        return next((text for code, text in self.text.items() if code == language), None)

    def label_in(self, language: str) -> str:
        given = self._in(language)
        return given.label if given is not None and given.label else self.label

    def options_in(self, language: str) -> list[str]:
        given = self._in(language)
        return given.options if given is not None and given.options else self.options

    def check(self, raw: str | None) -> Any:
        """A typed answer: the value to keep, or the Problem to explain."""
        if self.kind == "text":
            return clean_text(raw, self.max_length)
        if self.kind == "phone":
            return clean_phone(raw)
        if self.kind in ("choice", "multi", "yesno"):
            return Problem("use-buttons")
        text = clean_text(raw, 254)
        if isinstance(text, Problem):
            return text
        if self.kind == "email":
            return text.lower() if EMAIL.fullmatch(text) else Problem("email")
        return self._number(text)

    def _number(self, text: str) -> int | float | Problem:
        try:
            value = float(text.replace(" ", "").replace(",", "."))
        except ValueError:
            return Problem("number")
        if not math.isfinite(value):
            return Problem("number")
        if self.min is not None and value < self.min:
            return Problem("number-min", self.min)
        if self.max is not None and value > self.max:
            return Problem("number-max", self.max)
        return int(value) if value.is_integer() else value


@dataclass(frozen=True)
class FormModel:
    """The questions in the order asked: `order` holds ids, built-in ones included."""

    order: tuple[str, ...]
    own: Mapping[str, Question]

    @classmethod
    def of(cls, questions: list[Question], form: list[str] | None) -> FormModel:
        order = tuple(form) if form is not None else (*BUILTIN, *(q.id for q in questions))
        return cls(order, {q.id: q for q in questions})

    def question(self, qid: str) -> Question | None:
        return self.own.get(qid)

    @property
    def questions(self) -> list[Question]:
        """The event's own questions, in the form's order."""
        return [self.own[q] for q in self.order if q in self.own]

    def asks(self, qid: str, fmt: str | None) -> bool:
        """Whether question `qid` belongs to the form of someone taking part in `fmt`."""
        question = self.own.get(qid)
        return question is None or not question.limited or fmt in question.formats

    def steps(self, fmt: str | None) -> list[str]:
        """The steps in order: the questions for everyone, the format, then the questions
        for the chosen format only (asked once it is known), then the summary."""
        limited = {q.id for q in self.own.values() if q.limited}
        return ([q for q in self.order if q not in limited] + [FORMAT]
                + [q for q in self.order if q in limited and fmt is not None
                   and self.asks(q, fmt)] + [CONFIRM])

    def next_step(self, data: Mapping[str, Any]) -> str:
        """The first step not answered yet (the summary when all are)."""
        answers = data.get("answers") or {}
        for step in self.steps(data.get("format")):
            if step == CONFIRM:
                return step
            if step not in (answers if step in self.own else data):
                return step
        return CONFIRM

    def kept(self, answers: Mapping[str, Any] | None, fmt: str) -> dict[str, Any]:
        """What is stored: the answers to the questions this format's form asks."""
        return {q: v for q, v in (answers or {}).items()
                if q in self.own and self.asks(q, fmt)}


def check_form(questions: list[Question], form: list[str] | None, where: str) -> None:
    """The config's rules across an event's questions (one error each, plain words)."""
    ids = [q.id for q in questions]
    twice = sorted({q for q in ids if ids.count(q) > 1})
    if twice:
        raise ValueError(f"{where}: two questions have the id {twice[0]!r}")
    if form is None:
        return
    known = set(BUILTIN) | set(ids)
    missing = [name for name in form if name not in known]
    if missing:
        raise ValueError(f"{where}: `form` names {missing[0]!r}, which is neither a built-in "
                         f"question ({', '.join(BUILTIN)}) nor one of [[questions]]")
    if len(set(form)) != len(form):
        raise ValueError(f"{where}: `form` names a question twice")
    if not form or form[0] != "name":
        raise ValueError(f"{where}: `form` must start with \"name\" (asked first)")
    left_out = [q for q in (*BUILTIN, *ids) if q not in form]
    if left_out:
        raise ValueError(f"{where}: `form` leaves out {left_out[0]!r}: list every question "
                         "(the built-in name, org, role, phone too)")


def shown(value: Any, question: Question, language: str, yes: str, no: str,
          none: str) -> str:
    """An answer as its reader sees it, options in their language."""
    if value is None:
        return none
    if isinstance(value, bool):
        return yes if value else no
    if question.kind in ("choice", "multi"):
        theirs = question.options_in(language)
        picked = value if isinstance(value, list) else [value]
        return ", ".join(theirs[question.options.index(v)] if v in question.options else str(v)
                         for v in picked)
    return str(value)


def plain(value: Any) -> str:
    """An answer as the export's cell holds it (the config's own words)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
