"""Admins tune each client: versioned packs, validation, tests, preview, and the audit log."""
