"""Shoal: a durable, multi-agent code-analysis pipeline for AWS Lambda, runnable on one machine."""

__version__ = "0.1.0"
