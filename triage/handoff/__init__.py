"""Handing callers to humans: the persisted priority queue, on-call escalation, webhooks, transfer."""
