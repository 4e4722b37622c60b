"""Lambda entry point of the agent; the code lives in shoal.handlers."""

from shoal.handlers.agent import handler

__all__ = ["handler"]
