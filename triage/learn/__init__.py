"""Training and evaluation of the learned classifier.

Only the `triage train` command imports `triage.learn.train` (torch, transformers); call handling
uses `triage.brain.model`, which needs ONNX Runtime alone.
"""
