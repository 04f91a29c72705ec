"""What an operator watches on /metrics (Prometheus): calls in progress, how fast callers hear an
answer, where handoffs go, and which engine is failing.

Each app gets its own registry so that two servers in one process (tests, `triage bench`) do not
count each other's calls.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# From 20 ms (a cached greeting) to 5 s (a caller who waited far too long).
_LATENCY_BUCKETS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.5, 2.0, 3.0, 5.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.active_calls = Gauge("triage_active_calls", "Calls in progress.", ["channel"], registry=self.registry)
        self.calls = Counter("triage_calls", "Calls taken.", ["channel"], registry=self.registry)
        self.greeting_latency = Histogram(
            "triage_greeting_latency_seconds",
            "From the call connecting to the first greeting audio leaving the server.",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.turn_latency = Histogram(
            "triage_turn_latency_seconds",
            "From the end of the caller's speech to the first reply audio, and its stages.",
            ["stage"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.handoffs = Counter(
            "triage_handoffs", "Callers handed to a human, by urgency.", ["urgency"], registry=self.registry
        )
        self.engine_errors = Counter(
            "triage_engine_errors", "Engine failures inside calls.", ["engine"], registry=self.registry
        )

    def live_calls(self) -> int:
        """Calls in progress on every channel (what background work gives way to)."""
        return int(sum(sample.value for family in self.active_calls.collect() for sample in family.samples))

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
