"""The server runs numpy's BLAS on one thread (runtime.limit_blas_threads): the brain's matrix products
then cost a turn the same whether the other cores are idle or busy decoding other callers' speech.

Each case runs in a fresh interpreter, as `triage serve` starts one.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_REPORT = """
import sys
from threadpoolctl import threadpool_info
from triage.runtime import limit_blas_threads
if sys.argv[1] == "limited":
    limit_blas_threads()
import numpy as np
np.ones((256, 256)) @ np.ones((256, 256))  # BLAS in use
print(*(lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"))
"""


def _blas_threads(mode: str) -> list[int]:
    done = subprocess.run([sys.executable, "-c", _REPORT, mode], capture_output=True, text=True, check=True)
    return [int(n) for n in done.stdout.split()]


def test_the_server_process_runs_blas_on_one_thread() -> None:
    threads = _blas_threads("limited")
    assert threads and all(n == 1 for n in threads)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: BLAS uses one thread anyway")
def test_without_the_cap_blas_takes_a_thread_per_core() -> None:
    assert any(n > 1 for n in _blas_threads("default"))
