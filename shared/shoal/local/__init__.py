"""The local engine: the durable SDK's local runner, agent worker processes, resume state and local-only speed-ups."""
