"""The nightly Lambda: an EventBridge schedule in, one orchestrator execution per repository out."""

from __future__ import annotations

import os
import sys
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from shoal.config import settings_from_env
from shoal.handlers.webhook import ENV_ORCHESTRATOR, lambda_client, start_execution
from shoal.nightly import night_of, nightly_scans, parse_repositories

ENV_REPOSITORIES = "SHOAL_NIGHTLY_REPOSITORIES"

logger = Logger(service="shoal-scheduler", stream=sys.stderr)


@logger.inject_lambda_context(log_event=False)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return start_night(event, parse_repositories(os.environ.get(ENV_REPOSITORIES)), lambda_client(),
                       os.environ[ENV_ORCHESTRATOR], settings_from_env().allowed_hosts)


def start_night(
    event: dict[str, Any], repositories: list[str], client: Any, orchestrator: str, allowed_hosts: tuple[str, ...]
) -> dict[str, Any]:
    started: list[str] = []
    already: list[str] = []
    for scan in nightly_scans(repositories, night_of(event), allowed_hosts):
        (started if start_execution(client, orchestrator, scan.execution_name, scan.request) else already).append(scan.execution_name)
    logger.info("night started", extra={"started": started, "already_started": already})
    return {"started": started, "already_started": already}

