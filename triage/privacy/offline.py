"""Nothing leaves the machine unasked: the libraries' own telemetry is switched off before they load.

onnxruntime (the classifier, Piper voices, Smart Turn, Silero VAD) ships Microsoft's 1DS telemetry,
which looks up and posts to `mobile.events.data.microsoft.com` from its own threads, a C library the
Python audit hooks never see; only `ORT_DISABLE_TELEMETRY` set before onnxruntime is imported stops
it (its `disable_telemetry_events()` after import does not). huggingface_hub (used only by `triage
models pull`) honours HF_HUB_DISABLE_TELEMETRY. An operator's own setting of either is kept.
"""

from __future__ import annotations

import os

TELEMETRY_OFF = {"ORT_DISABLE_TELEMETRY": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}


def no_telemetry() -> None:
    for name, value in TELEMETRY_OFF.items():
        os.environ.setdefault(name, value)
