"""The exceptions Shoal raises on purpose, grouped by what the caller should do about them.

Callers (handlers, the orchestrator's retry policy, the CLI) decide by type, never by message
text: `InputError` and `SourceError` are terminal, `RetryableError` is worth another attempt.
The message is for people: it says what is wrong and what to do about it.
"""

from __future__ import annotations


class ShoalError(Exception):
    """Base of every deliberate Shoal failure; `message` is safe to show to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ShoalError):
    """The user asked for something Shoal refuses or cannot understand; retrying will not help."""


class SourceError(ShoalError):
    """The source tree could not be obtained (unknown ref, not a repository...); terminal."""


class RetryableError(ShoalError):
    """A transient failure (network, timeout, server 5xx): the same call may succeed later."""
