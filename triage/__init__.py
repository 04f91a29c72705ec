from .privacy.offline import no_telemetry

no_telemetry()  # before any module of the package imports onnxruntime (triage/privacy/offline.py)
