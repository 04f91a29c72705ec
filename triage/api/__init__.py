"""HTTP plumbing shared by the routers: guards every request passes, and per-source limits."""
