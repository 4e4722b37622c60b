"""github-app.json, the manifest GitHub's "create a GitHub App from a manifest" flow takes: exactly
the permissions the publishing code asks installation tokens for, and the events the webhook scans."""

from __future__ import annotations

import json
from pathlib import Path

from shoal.config import GITHUB_PUBLISH_MODES
from shoal.github.publish import PublishOptions
from shoal.github.webhook import WebhookConfig, route

MANIFEST = Path(__file__).resolve().parents[2] / "github-app.json"
# The manifest parameters GitHub documents ("Registering a GitHub App from a manifest").
KNOWN = {"name", "url", "hook_attributes", "redirect_url", "callback_urls", "setup_url", "description", "public",
         "default_events", "default_permissions", "request_oauth_on_install", "setup_on_update"}


def test_the_manifest_asks_for_exactly_what_shoal_uses() -> None:
    manifest = json.loads(MANIFEST.read_text("utf-8"))
    assert set(manifest) <= KNOWN and manifest["url"].startswith("https://")
    assert manifest["hook_attributes"]["active"] is True and manifest["hook_attributes"]["url"].endswith("/webhook")
    used: dict[str, str] = {"metadata": "read"}  # GitHub gives every App this one
    for mode in GITHUB_PUBLISH_MODES:
        for pull_request in (False, True):
            used |= PublishOptions(mode=mode, sarif=True).permissions(pull_request)
    assert manifest["default_permissions"] == used


def test_the_manifest_subscribes_to_the_events_the_webhook_scans_and_no_other() -> None:
    manifest = json.loads(MANIFEST.read_text("utf-8"))
    config = WebhookConfig(secret=b"s")
    for event in manifest["default_events"]:
        assert not route(event, "d-1", {}, config).reason.startswith(f"event {event}")
    assert route("issues", "d-2", {}, config).reason == "event issues is not scanned"
    assert sorted(manifest["default_events"]) == ["pull_request", "push"]
