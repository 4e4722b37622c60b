"""The agent: a plain Lambda function that analyses one partition in the workspace."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from shoal.scan.agent import run_agent
from shoal.config import settings_from_env
from shoal.observability import PhaseClock, record_phases, subsegment
from shoal.stages import PartitionTask

# stderr keeps stdout free for reports when the CLI runs this handler; Lambda collects both.
logger = Logger(service="shoal-agent", stream=sys.stderr)


@logger.inject_lambda_context(log_event=False)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    task = PartitionTask.from_event(event)
    clock = PhaseClock()
    with subsegment("analyse", scan_id=task.scan_id, partition=task.partition):
        started = time.time()
        result = run_agent(task, Path(settings_from_env().workspace), clock)
        record_phases(clock, started)
    # The handler's own time, close to Lambda's billed duration: `make cost` prices it (locally the
    # invoke's span also counts the wait for a free worker).
    shard = replace(result, seconds=round(time.time() - started, 3)).to_dict()
    logger.info("shard written", extra=shard)
    return shard
