"""The server caps glibc's malloc arenas before its threads start (runtime.limit_malloc_arenas): every
thread that allocates would otherwise get an arena of its own, holding freed blocks as resident memory.

Each case runs in a fresh interpreter: eight threads alive at once allocate, then glibc's malloc_stats lists the arenas.
"""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="malloc arenas are glibc's"
)

_THREADS_ALLOCATE = """
import ctypes, ctypes.util, sys, threading
from triage.runtime import MALLOC_ARENAS, limit_malloc_arenas
if sys.argv[1] == "limited":
    assert limit_malloc_arenas()
kept = []
together = threading.Barrier(8)
def allocate():
    together.wait()  # alive at once: an ended thread's arena would go to the next one
    kept.append([bytes(64 * 1024) for _ in range(4)])  # large enough for malloc, not Python's small-object pool
    together.wait()
threads = [threading.Thread(target=allocate) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
ctypes.CDLL(ctypes.util.find_library("c")).malloc_stats()  # one "Arena n:" block per arena, on stderr
"""


def _arenas(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", _THREADS_ALLOCATE, mode], capture_output=True, text=True, check=True)
    return done.stderr.count("Arena ")


def test_threads_share_the_capped_arenas() -> None:
    from triage.runtime import MALLOC_ARENAS

    assert _arenas("limited") <= MALLOC_ARENAS


def test_without_the_cap_threads_make_arenas_of_their_own() -> None:
    """The case the cap is for (and proof the count above can see more than two arenas)."""
    from triage.runtime import MALLOC_ARENAS

    assert _arenas("default") > MALLOC_ARENAS
