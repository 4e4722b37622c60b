"""The webhook Lambda: GitHub delivery in, one asynchronous orchestrator execution out.

Thin on purpose: `shoal.github.webhook` judges the delivery; this module reads the secret (Secrets
Manager, through Powertools parameters, cached) and starts the execution with the delivery's name,
so a redelivery starts nothing and is answered "already started".
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities import parameters
from aws_lambda_powertools.utilities.typing import LambdaContext

from shoal.config import settings_from_env
from shoal.github.webhook import Decision, WebhookConfig, handle, parse_branches

ENV_SECRET_NAME = "SHOAL_WEBHOOK_SECRET_NAME"
ENV_ORCHESTRATOR = "SHOAL_ORCHESTRATOR_FUNCTION"  # a qualified alias ARN
ENV_BRANCHES = "SHOAL_SCAN_BRANCHES"
# Local development only (`sam local invoke --env-vars`): the secret itself, and a Lambda API
# endpoint to start the orchestrator at (sam local start-lambda, a test's loopback stub).
# Deployed stacks leave both empty and read the secret from Secrets Manager.
ENV_LOCAL_SECRET = "SHOAL_WEBHOOK_SECRET"
ENV_LAMBDA_ENDPOINT = "SHOAL_LAMBDA_ENDPOINT"

# An execution that started this long before our invoke was sent was not started by it. Lambda and
# this function both keep AWS's synchronised time; a redelivery comes seconds to days later.
STARTED_BEFORE_TOLERANCE_SECONDS = 1.0

logger = Logger(service="shoal-webhook", stream=sys.stderr)
_clients: dict[str, Any] = {}


def lambda_client() -> Any:
    if "lambda" not in _clients:
        import boto3

        _clients["lambda"] = boto3.client("lambda", endpoint_url=os.environ.get(ENV_LAMBDA_ENDPOINT) or None)
    return _clients["lambda"]


def config_from_env() -> WebhookConfig:
    secret = os.environ.get(ENV_LOCAL_SECRET) or parameters.get_secret(os.environ[ENV_SECRET_NAME], max_age=300)
    return WebhookConfig(secret=str(secret).encode(), branches=parse_branches(os.environ.get(ENV_BRANCHES)),
                         allowed_hosts=settings_from_env().allowed_hosts)


@logger.inject_lambda_context(log_event=False)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return respond(event, config_from_env(), lambda_client(), os.environ[ENV_ORCHESTRATOR])


def respond(event: dict[str, Any], config: WebhookConfig, client: Any, orchestrator: str) -> dict[str, Any]:
    decision = handle(event, config)
    if decision.scan is not None:
        decision = start(decision, client, orchestrator)
    logger.info("delivery judged", extra={"status": decision.status, "reason": decision.reason})
    return decision.response()


def start(decision: Decision, client: Any, orchestrator: str) -> Decision:
    """Start the execution asynchronously: GitHub waits at most 10 s, a scan takes longer."""
    assert decision.scan is not None and decision.execution_name is not None, "a decision that starts nothing"
    if not start_execution(client, orchestrator, decision.execution_name, decision.scan):
        return Decision(202, "this delivery already started its scan", extra=decision.extra)
    return decision


def start_execution(
    client: Any, orchestrator: str, name: str, request: dict[str, Any], clock: Callable[[], float] = time.time
) -> bool:
    """Invoke the orchestrator asynchronously as the durable execution `name`; False when an
    execution of that name already exists (a redelivery), which starts nothing. Lambda answers
    such an invoke in one of two ways (botocore's model, DurableExecutionName): with the existing
    execution when the payload is the same, or DurableExecutionAlreadyStartedException when not."""
    sent = clock()
    try:
        answer = client.invoke(FunctionName=orchestrator, InvocationType="Event", DurableExecutionName=name,
                               Payload=json.dumps(request, sort_keys=True).encode())
    except client.exceptions.DurableExecutionAlreadyStartedException:
        return False
    return not started_before(client, answer.get("DurableExecutionArn"), sent)


def started_before(client: Any, arn: str | None, moment: float) -> bool:
    """Whether the execution Lambda answered with had started before `moment`: the invoke found
    it rather than starting it. When that cannot be read, the invoke is taken as a start (it
    succeeded, and the execution exists either way)."""
    if not arn:
        return False
    try:
        execution = client.get_durable_execution(DurableExecutionArn=arn, IncludeExecutionData=False)
    except (BotoCoreError, ClientError) as exc:
        logger.warning("could not read the execution the invoke answered with", extra={"arn": arn, "error": str(exc)})
        return False
    started = execution.get("StartTimestamp")
    return started is not None and started.timestamp() < moment - STARTED_BEFORE_TOLERANCE_SECONDS
