"""Per-source counting for the public endpoints and sign-in: fixed memory, no I/O.

A source is the peer address as the server sees it. Every limiter keeps at most `max_keys`
sources (the least recently seen are forgotten first), so a flood of addresses cannot grow memory.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque


class SlidingWindow:
    """At most `limit` events per key within `window_s` seconds."""

    def __init__(self, limit: int, window_s: float = 60.0, max_keys: int = 10_000) -> None:
        self.limit = limit
        self.window_s = window_s
        self.max_keys = max_keys
        self._events: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()  # sign-in counts from worker threads

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            events = self._events[key] = deque()
            while len(self._events) > self.max_keys:
                self._events.popitem(last=False)
        self._events.move_to_end(key)
        while events and events[0] <= now - self.window_s:
            events.popleft()
        return events

    def allow(self, key: str) -> bool:
        """Count one event for `key` if it is within the limit; False (and nothing counted) if not."""
        now = time.monotonic()
        with self._lock:
            events = self._recent(key, now)
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True

    def count(self, key: str) -> None:
        """Count one event whatever the limit (a failed sign-in)."""
        now = time.monotonic()
        with self._lock:
            self._recent(key, now).append(now)

    def exceeded(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return len(self._recent(key, now)) >= self.limit

    def clear(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)


class SignInThrottle:
    """Wrong passwords per account and per source; once either has too many, sign-in pauses.

    While paused, even the right password is refused (429), so guessing gains nothing from speed.
    A successful sign-in clears the account's count.
    """

    PAUSE_S = 15 * 60

    def __init__(self, failures_per_account: int) -> None:
        self.accounts = SlidingWindow(failures_per_account, self.PAUSE_S)
        self.sources = SlidingWindow(failures_per_account * 4, self.PAUSE_S)

    def paused(self, username: str, source: str) -> bool:
        return self.accounts.exceeded(username.lower()) or self.sources.exceeded(source)

    def failed(self, username: str, source: str) -> None:
        self.accounts.count(username.lower())
        self.sources.count(source)

    def succeeded(self, username: str) -> None:
        self.accounts.clear(username.lower())
