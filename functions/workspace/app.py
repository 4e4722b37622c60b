"""Lambda entry point of the workspace function (Split layout); the code lives in shoal.handlers."""

from shoal.handlers.workspace import handler

__all__ = ["handler"]
