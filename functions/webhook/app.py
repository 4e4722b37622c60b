"""Lambda entry point of the webhook function: the handler lives in the shared library."""

from shoal.handlers.webhook import handler

__all__ = ["handler"]
