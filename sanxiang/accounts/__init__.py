"""Logins, login throttling, the user ↔ officer link as seen from the session, and each role's home page."""
