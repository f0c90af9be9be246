"""regbot: registration and reminders for a hybrid event."""
