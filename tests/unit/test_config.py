from __future__ import annotations

import pytest

from shoal.config import Settings, Thresholds, settings_from_env
from shoal.errors import InputError
from shoal.models import Severity


def test_defaults_apply_when_the_environment_is_empty():
    settings = settings_from_env({})
    assert settings == Settings(workspace=".shoal/workspace")  # no HOME, no XDG_CACHE_HOME
    assert settings.failure_threshold() is Severity.ERROR
    assert settings.security is True


def test_fail_on_precedence_is_setting_then_repository_then_error():
    assert Settings().failure_threshold("warning") is Severity.WARNING
    assert Settings(fail_on="note").failure_threshold("warning") is Severity.NOTE
    assert Settings(fail_on="none").failure_threshold("warning") is None
    assert settings_from_env({"SHOAL_FAIL_ON": "warning"}).failure_threshold("error") is Severity.WARNING
    assert settings_from_env({"SHOAL_SECURITY": "off"}).security is False


def test_environment_overrides_defaults_and_explicit_values_override_the_environment():
    env = {"SHOAL_MAX_PARTITIONS": "9", "SHOAL_ALLOWED_HOSTS": "github.com, git.example.org", "SHOAL_MAX_CCN": "20"}
    settings = settings_from_env(env)
    assert settings.max_partitions == 9
    assert settings.allowed_hosts == ("github.com", "git.example.org")
    assert settings.thresholds.max_ccn == 20
    explicit = settings.with_overrides({"max_partitions": 3, "max_ccn": 4, "fail_on": None})
    assert explicit.max_partitions == 3 and explicit.thresholds.max_ccn == 4
    assert explicit.fail_on == ""  # None means "not given"


def test_settings_round_trip_through_a_checkpoint_dict():
    settings = Settings(fanout="inline", thresholds=Thresholds(max_ccn=3), allowed_hosts=("a.example",))
    assert Settings.from_dict(settings.to_dict()) == settings


@pytest.mark.parametrize(
    "env, fragment",
    [
        ({"SHOAL_MAX_PARTITIONS": "many"}, "SHOAL_MAX_PARTITIONS"),
        ({"SHOAL_FANOUT": "carrier-pigeon"}, "fanout"),
        ({"SHOAL_MAX_CONCURRENCY": "0"}, "max_concurrency"),
        ({"SHOAL_SECURITY": "maybe"}, "SHOAL_SECURITY"),
        ({"SHOAL_FAIL_ON": "fatal"}, "fail_on"),
    ],
)
def test_bad_settings_are_refused_with_a_message_naming_them(env, fragment):
    with pytest.raises(InputError, match=fragment):
        settings_from_env(env)


def test_unknown_options_are_refused():
    with pytest.raises(InputError, match="max_partitons"):
        Settings().with_overrides({"max_partitons": 3})


def test_the_default_workspace_is_the_users_cache_folder_outside_any_project():
    assert settings_from_env({"HOME": "/home/ada"}).workspace == "/home/ada/.cache/shoal/workspace"
    assert settings_from_env({"HOME": "/home/ada", "XDG_CACHE_HOME": "/c"}).workspace == "/c/shoal/workspace"
    assert settings_from_env({"HOME": "/home/ada", "SHOAL_WORKSPACE": "/mnt/ws"}).workspace == "/mnt/ws"
