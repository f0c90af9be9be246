## Language choice (/language) and the bot's Telegram profile
cmd-language = Language: Қазақша / Русский / English
language-ask = Choose the language I write to you in:
language-chosen = Done: I will write to you in English.
# Shown in the empty chat before /start (at most 512 characters).
bot-description = I register participants for round tables and remind them before the start: seats in the room by pre-registration, online over Zoom, a waitlist when the room is full. Press Start.
# The bot's profile and share text (at most 120 characters).
bot-short-description = Registration for round tables and reminders before the start.
