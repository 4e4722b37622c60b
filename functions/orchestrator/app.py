"""Lambda entry point of the orchestrator (durable function); the code lives in shoal.handlers."""

from shoal.handlers.orchestrator import handler

__all__ = ["handler"]
