"""The agent: a plain Lambda function that analyses one partition in the workspace."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from shoal.agent import AgentTask, run_agent
from shoal.config import settings_from_env

# stderr keeps stdout free for reports when the CLI runs this handler; Lambda collects both.
logger = Logger(service="shoal-agent", stream=sys.stderr)


@logger.inject_lambda_context(log_event=False)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    task = AgentTask.from_event(event)
    result = run_agent(task, Path(settings_from_env().workspace))
    logger.info("shard written", extra=result)
    return result
