from aiogram.fsm.state import State, StatesGroup


class Form(StatesGroup):
    """The registration form, one question per state."""

    consent = State()  # the privacy notice, Agree / Decline: before any personal question
    name = State()
    org = State()
    role = State()
    phone = State()
    question = State()  # one of the event's own questions: its id is the data's "q"
    format = State()
    confirm = State()


ORDER = [Form.consent, Form.name, Form.org, Form.role, Form.phone, Form.format, Form.confirm]
QUESTION = "q"  # FSM data: the id of the event's own question being asked
ANSWERS = "answers"  # FSM data: question id -> answer (core/questions.py)
PICKED = "picked"  # FSM data: the options ticked so far on a multi question


def state_of(step: str) -> State:
    """The state that asks a form step (core/questions.py's ids)."""
    found = getattr(Form, step, None)
    return found if isinstance(found, State) and step != "question" else Form.question
