from aiogram.fsm.state import State, StatesGroup


class Form(StatesGroup):
    """The registration form, one question per state."""

    consent = State()  # the privacy notice, Agree / Decline: before any personal question
    name = State()
    org = State()
    role = State()
    phone = State()
    format = State()
    confirm = State()


ORDER = [Form.consent, Form.name, Form.org, Form.role, Form.phone, Form.format, Form.confirm]
