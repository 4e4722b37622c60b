"""The webhook Lambda: GitHub delivery in, one asynchronous orchestrator execution out.

Thin on purpose: `shoal.github.webhook` judges the delivery; this module reads the secret (Secrets
Manager, through Powertools parameters, cached) and starts the execution with the delivery's name,
so a redelivery meets DurableExecutionAlreadyStartedException and starts nothing.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities import parameters
from aws_lambda_powertools.utilities.typing import LambdaContext

from shoal.github.webhook import Decision, WebhookConfig, handle, parse_branches

ENV_SECRET_NAME = "SHOAL_WEBHOOK_SECRET_NAME"
ENV_ORCHESTRATOR = "SHOAL_ORCHESTRATOR_FUNCTION"  # a qualified alias ARN
ENV_BRANCHES = "SHOAL_SCAN_BRANCHES"
# Local development only (`sam local invoke --env-vars`): the secret itself, and a Lambda API
# endpoint to start the orchestrator at (sam local start-lambda, a test's loopback stub).
# Deployed stacks leave both empty and read the secret from Secrets Manager.
ENV_LOCAL_SECRET = "SHOAL_WEBHOOK_SECRET"
ENV_LAMBDA_ENDPOINT = "SHOAL_LAMBDA_ENDPOINT"

logger = Logger(service="shoal-webhook", stream=sys.stderr)
_clients: dict[str, Any] = {}


def lambda_client() -> Any:
    if "lambda" not in _clients:
        import boto3

        _clients["lambda"] = boto3.client("lambda", endpoint_url=os.environ.get(ENV_LAMBDA_ENDPOINT) or None)
    return _clients["lambda"]


def config_from_env() -> WebhookConfig:
    secret = os.environ.get(ENV_LOCAL_SECRET) or parameters.get_secret(os.environ[ENV_SECRET_NAME], max_age=300)
    return WebhookConfig(secret=str(secret).encode(), branches=parse_branches(os.environ.get(ENV_BRANCHES)))


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
    if not start_execution(client, orchestrator, decision.execution_name, decision.scan):
        return Decision(202, "this delivery already started its scan", extra=decision.extra)
    return decision


def start_execution(client: Any, orchestrator: str, name: str, request: dict[str, Any]) -> bool:
    """Invoke the orchestrator asynchronously as the durable execution `name`; False when an
    execution of that name already exists (a redelivery), which starts nothing."""
    try:
        client.invoke(FunctionName=orchestrator, InvocationType="Event", DurableExecutionName=name,
                      Payload=json.dumps(request, sort_keys=True).encode())
    except client.exceptions.DurableExecutionAlreadyStartedException:
        return False
    return True
