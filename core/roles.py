"""Who a participant is: codes stored in the ledger; labels live in the catalogs (role-<code>)."""

ROLES = ("ngo", "state", "research", "migrant", "media", "other")
