"""The ledger: SQLite schema, migrations and every query. Knows nothing of Telegram."""
