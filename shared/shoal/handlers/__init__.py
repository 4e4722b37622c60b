"""Lambda entry points. Each parses its event, builds dependencies from the environment and calls
one domain function; `functions/<name>/app.py` re-exports them so that SAM, Lambda and the local
engine all run the very same objects."""
