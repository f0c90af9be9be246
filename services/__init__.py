"""What the bot does, in domain terms: registrations, events, organiser workflows, privacy,
attendance, the mailer. Below handlers and scheduler; above core and storage."""
