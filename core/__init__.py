"""Shared parts with no application rules: config, time, texts, logs, pacing, sending."""
