"""template.yaml and samconfig.toml, checked offline (no AWS credentials): cfn-lint with the
serverless rules, then the properties the design rests on, read from the parsed template: the
network (NFS only between the functions and the mount targets), least-privilege IAM, lifecycle
rules that match the workspace layout, the environment each function reads, and the deploy
environments of samconfig.toml."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from shoal.config import ENV_AGENT_FUNCTION, ENV_RETENTION_DAYS, Settings
from shoal.workspace import ScanPaths

ROOT = Path(__file__).resolve().parents[2]
FUNCTION = "AWS::Serverless::Function"


class _CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (!Ref, !GetAtt, !Sub...) turned into their long form."""


def _intrinsic(loader: _CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = {"Ref": "Ref", "Condition": "Condition"}.get(suffix, f"Fn::{suffix}")
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if name == "Fn::GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def load_template() -> dict[str, Any]:
    # shoal: ignore[deserialization/python-yaml-load] -- _CfnLoader is a SafeLoader subclass
    return yaml.load((ROOT / "template.yaml").read_text(), Loader=_CfnLoader)  # noqa: S506


_NO_VALUE = {"Ref": "AWS::NoValue"}
_DROP = object()


def condition_value(template: dict[str, Any], expression: Any, parameters: dict[str, str]) -> bool | None:
    """A condition's value for these parameters, as CloudFormation evaluates it; None when it depends
    on a parameter not given (VpcId, say), so both of its branches stay in the resolved template."""
    def value(item: Any) -> Any:
        if isinstance(item, dict) and "Ref" in item:
            return parameters.get(item["Ref"])
        return item

    if isinstance(expression, str):
        return condition_value(template, template["Conditions"][expression], parameters)
    (operator, operands), = expression.items()
    if operator == "Condition":
        return condition_value(template, operands, parameters)
    if operator == "Fn::Equals":
        left, right = (value(o) for o in operands)
        return None if left is None or right is None else str(left) == str(right)
    values = [condition_value(template, o, parameters) for o in operands]
    if operator == "Fn::Not":
        return None if values[0] is None else not values[0]
    if operator == "Fn::And":
        return False if False in values else (None if None in values else True)
    if operator == "Fn::Or":
        return True if True in values else (None if None in values else False)
    raise AssertionError(f"condition function {operator} is not evaluated here")


def resolve(template: dict[str, Any], parameters: dict[str, str]) -> dict[str, Any]:
    """The template as one layout deploys it: resources and outputs whose condition is false left
    out, and every Fn::If whose condition is known replaced by its branch (AWS::NoValue removed)."""
    def known(name: str) -> bool | None:
        return condition_value(template, name, parameters)

    def pick(node: Any) -> Any:
        if isinstance(node, dict):
            if "Fn::If" in node and len(node) == 1:
                name, when_true, when_false = node["Fn::If"]
                chosen = known(name)
                if chosen is not None:
                    branch = pick(when_true if chosen else when_false)
                    return _DROP if branch == _NO_VALUE else branch
            picked = {key: pick(item) for key, item in node.items()}
            return {key: item for key, item in picked.items() if item is not _DROP}
        if isinstance(node, list):
            return [item for item in (pick(i) for i in node) if item is not _DROP]
        return node

    resolved = dict(template)
    for section in ("Resources", "Outputs"):
        kept = {n: r for n, r in template[section].items() if "Condition" not in r or known(r["Condition"]) is not False}
        resolved[section] = pick(kept)
    resolved["Globals"] = pick(template["Globals"])
    return resolved


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return load_template()


@pytest.fixture(scope="module")
def template(raw: dict[str, Any]) -> dict[str, Any]:
    """A layout whose orchestrator mounts the workspace itself (NatInstance); the Split layout has
    its own tests below. VpcId is left open: both the created and an existing VPC are checked."""
    return resolve(raw, {"NetworkLayout": "NatInstance"})


@pytest.fixture(scope="module")
def split(raw: dict[str, Any]) -> dict[str, Any]:
    return resolve(raw, {"NetworkLayout": "Split"})


def resources(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: res for name, res in template["Resources"].items() if res["Type"] == kind}


def statements(function: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for policy in function["Properties"].get("Policies", []):
        if isinstance(policy, dict):
            found.extend(policy.get("Statement", []))
    return found


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def granting(function: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [s for s in statements(function) if action in as_list(s["Action"])]


def env(template: dict[str, Any], name: str) -> dict[str, Any]:
    """A function's environment, the Globals merged under its own (as SAM merges them)."""
    merged = dict(template["Globals"]["Function"]["Environment"]["Variables"])
    merged.update(template["Resources"][name]["Properties"].get("Environment", {}).get("Variables", {}))
    return merged


def walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def refs(value: Any) -> set[str]:
    return {node["Ref"] for node in walk(value) if isinstance(node, dict) and isinstance(node.get("Ref"), str)}


def if_branches(value: Any) -> tuple[Any, Any]:
    """(value when Shoal creates the VPC, value with an existing one) of a CreateVpc Fn::If."""
    condition, created, existing = value["Fn::If"]
    assert condition == "CreateVpc"
    return created, existing


def mounting_functions(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n: f for n, f in resources(template, FUNCTION).items() if f["Properties"].get("FileSystemConfigs")}


# --- the linters -------------------------------------------------------------------------------


def test_template_passes_cfn_lint_with_the_serverless_rules() -> None:
    cfn_lint = Path(sys.executable).with_name("cfn-lint")  # the venv's console script
    done = subprocess.run(
        [str(cfn_lint), "--append-rules", "cfn_lint_serverless.rules", "--", "template.yaml"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_function_code_folder_has_an_app_handler(raw: dict[str, Any]) -> None:
    folders = {f["Properties"]["CodeUri"] for f in resources(raw, FUNCTION).values()}
    assert {"functions/orchestrator/", "functions/agent/", "functions/webhook/", "functions/scheduler/",
            "functions/workspace/"} == folders
    for folder in folders:
        assert "handler" in (ROOT / folder / "app.py").read_text(), folder


def test_the_layer_requirements_pin_what_pyproject_pins() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    layer = [line.strip() for line in (ROOT / "shared" / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    local_only = {"rich", "aws-durable-execution-sdk-python-testing", "boto3"}
    expected = {d for d in pyproject if d.split("=")[0].split(">")[0] not in local_only}
    assert set(layer) == expected


# --- network -----------------------------------------------------------------------------------


def test_nfs_reaches_the_mount_targets_only_from_the_function_security_groups(template: dict[str, Any]) -> None:
    mount_sgs = {sg for mt in resources(template, "AWS::S3Files::MountTarget").values()
                 for sg in refs(mt["Properties"]["SecurityGroups"])}
    assert mount_sgs == {"MountTargetSecurityGroup"}
    function_sgs = {sg for f in mounting_functions(template).values()
                    for sg in refs(f["Properties"]["VpcConfig"]["SecurityGroupIds"])}
    assert function_sgs == {"OrchestratorSecurityGroup", "AgentSecurityGroup"}

    ingress = [r["Properties"] for r in resources(template, "AWS::EC2::SecurityGroupIngress").values()
               if r["Properties"]["GroupId"] != {"Ref": "NatInstanceSecurityGroup"}]
    for sg in resources(template, "AWS::EC2::SecurityGroup").values():
        assert "SecurityGroupIngress" not in sg["Properties"], "inline ingress: use a SecurityGroupIngress resource"
    assert ingress, "the mount targets accept nothing at all"
    for rule in ingress:
        assert rule["GroupId"] == {"Ref": "MountTargetSecurityGroup"}
        assert (rule["IpProtocol"], rule["FromPort"], rule["ToPort"]) == ("tcp", 2049, 2049)
        assert "CidrIp" not in rule and "CidrIpv6" not in rule
    assert {rule["SourceSecurityGroupId"]["Ref"] for rule in ingress} == function_sgs


def egress_of(template: dict[str, Any], group: str) -> set[tuple[str, int, str]]:
    rules = template["Resources"][group]["Properties"]["SecurityGroupEgress"]
    return {(r["IpProtocol"], r["FromPort"], r.get("CidrIp") or r["DestinationSecurityGroupId"]["Ref"]) for r in rules}


def test_function_egress_is_nfs_to_the_mount_targets_plus_https_for_the_orchestrator(template: dict[str, Any]) -> None:
    assert egress_of(template, "AgentSecurityGroup") == {("tcp", 2049, "MountTargetSecurityGroup")}
    assert egress_of(template, "OrchestratorSecurityGroup") == {
        ("tcp", 2049, "MountTargetSecurityGroup"), ("tcp", 443, "0.0.0.0/0")}
    # An explicit rule replaces the default allow-all egress; this one matches nothing real.
    assert egress_of(template, "MountTargetSecurityGroup") == {("icmp", 252, "127.0.0.1/32")}


def test_one_mount_target_per_function_subnet(template: dict[str, Any]) -> None:
    targets = resources(template, "AWS::S3Files::MountTarget")
    created, existing = zip(*(if_branches(t["Properties"]["SubnetId"]) for t in targets.values()))
    assert sorted(refs(list(created))) == ["PrivateSubnetA", "PrivateSubnetB"]
    assert sorted(s["Fn::Select"][0] for s in existing) == [0, 1]
    for target in targets.values():
        assert target["Properties"]["FileSystemId"] == {"Fn::GetAtt": ["WorkspaceFileSystem", "FileSystemId"]}
    for name, function in mounting_functions(template).items():
        subnets_created, subnets_existing = if_branches(function["Properties"]["VpcConfig"]["SubnetIds"])
        assert refs(subnets_created) == refs(list(created)), name
        assert subnets_existing == {"Fn::Split": [",", {"Ref": "SubnetIds"}]}, name
    # Both existing subnets are named, so the mount targets cover every subnet the functions run in.
    assert re.fullmatch(template["Parameters"]["SubnetIds"]["AllowedPattern"], "subnet-0123456789abcdef0,subnet-0fedcba987654321f")
    assert not re.fullmatch(template["Parameters"]["SubnetIds"]["AllowedPattern"], "subnet-0123456789abcdef0")


def test_functions_that_mount_the_workspace_wait_for_every_mount_target(template: dict[str, Any]) -> None:
    targets = set(resources(template, "AWS::S3Files::MountTarget"))
    assert len(targets) == 2
    functions = mounting_functions(template)
    assert set(functions) == {"OrchestratorFunction", "AgentFunction"}
    for name, function in functions.items():
        assert targets <= set(as_list(function.get("DependsOn", []))), name
        (config,) = function["Properties"]["FileSystemConfigs"]
        assert config["Arn"] == {"Fn::GetAtt": ["WorkspaceAccessPoint", "AccessPointArn"]}
        assert config["LocalMountPath"] == env(template, name)["SHOAL_WORKSPACE"] == "/mnt/workspace"
    for name in set(resources(template, FUNCTION)) - set(functions):  # no workspace path that is not mounted
        assert "SHOAL_WORKSPACE" not in env(template, name), name


def test_the_created_vpc_has_private_subnets_in_two_azs_nat_and_the_s3_gateway_endpoint(raw: dict[str, Any]) -> None:
    res = resolve(raw, {"NetworkLayout": "NatInstance", "VpcId": ""})["Resources"]
    assert [res[s]["Properties"]["AvailabilityZone"]["Fn::Select"][0] for s in ("PrivateSubnetA", "PrivateSubnetB")] == [0, 1]
    endpoint = res["S3GatewayEndpoint"]["Properties"]
    assert endpoint["VpcEndpointType"] == "Gateway"
    assert refs(endpoint["RouteTableIds"]) == {"PrivateRouteTableA", "PrivateRouteTableB"}
    for table, route in (("PrivateRouteTableA", "PrivateDefaultRouteA"), ("PrivateRouteTableB", "PrivateDefaultRouteB")):
        assert res[route]["Properties"]["RouteTableId"] == {"Ref": table}
        assert res[route]["Properties"]["InstanceId"] == {"Ref": "NatInstance"}  # this layout's NAT
        assert "NatGatewayId" not in res[route]["Properties"]
    network = [n for n, r in res.items() if r["Type"].startswith("AWS::EC2::") and "SecurityGroup" not in r["Type"]]
    for name in network:  # nothing of the created VPC is built when the user gives one
        assert res[name].get("Condition") in ("CreateVpc", "CreateNat", "CreateHaNat", "UseNatGateway",
                                              "UseNatInstance"), name


def test_the_nat_gateway_layout_routes_each_az_through_its_gateway(raw: dict[str, Any]) -> None:
    for ha, second in (("false", "NatGatewayA"), ("true", "NatGatewayB")):
        res = resolve(raw, {"NetworkLayout": "NatGateway", "HighlyAvailableNat": ha, "VpcId": ""})["Resources"]
        assert "NatInstance" not in res and ("NatGatewayB" in res) == (ha == "true")
        assert res["PrivateDefaultRouteA"]["Properties"]["NatGatewayId"] == {"Ref": "NatGatewayA"}
        assert res["PrivateDefaultRouteB"]["Properties"]["NatGatewayId"] == {"Ref": second}
        assert "InstanceId" not in res["PrivateDefaultRouteA"]["Properties"]


# --- IAM -----------------------------------------------------------------------------------------


def test_the_orchestrator_invokes_exactly_the_agent_alias(template: dict[str, Any]) -> None:
    orchestrator = template["Resources"]["OrchestratorFunction"]
    assert template["Resources"]["AgentFunction"]["Properties"]["AutoPublishAlias"]
    (grant,) = granting(orchestrator, "lambda:InvokeFunction")
    assert grant["Resource"] == {"Ref": "AgentFunction.Alias"}
    assert env(template, "OrchestratorFunction")[ENV_AGENT_FUNCTION] == {"Ref": "AgentFunction.Alias"}


@pytest.mark.parametrize("name", ["WebhookFunction", "SchedulerFunction"])
def test_webhook_and_scheduler_invoke_exactly_the_orchestrator_alias(template: dict[str, Any], name: str) -> None:
    (grant,) = granting(template["Resources"][name], "lambda:InvokeFunction")
    assert grant["Resource"] == {"Ref": "OrchestratorFunction.Alias"}
    assert env(template, name)["SHOAL_ORCHESTRATOR_FUNCTION"] == {"Ref": "OrchestratorFunction.Alias"}


def test_the_agent_invokes_nothing_and_reads_no_secret(template: dict[str, Any]) -> None:
    agent = template["Resources"]["AgentFunction"]
    assert {a for s in statements(agent) for a in as_list(s["Action"])} == {"s3files:ClientMount", "s3files:ClientWrite"}


def test_workspace_clients_mount_and_write_through_the_access_point_only(template: dict[str, Any]) -> None:
    for name, function in mounting_functions(template).items():
        (grant,) = granting(function, "s3files:ClientMount")
        assert sorted(grant["Action"]) == ["s3files:ClientMount", "s3files:ClientWrite"], name
        assert grant["Resource"] == {"Fn::GetAtt": ["WorkspaceFileSystem", "FileSystemArn"]}, name
        assert grant["Condition"] == {"StringEquals": {
            "s3files:AccessPointArn": {"Fn::GetAtt": ["WorkspaceAccessPoint", "AccessPointArn"]}}}, name
    assert "s3files:ClientRootAccess" not in (ROOT / "template.yaml").read_text()


def test_secret_reads_are_only_of_the_secrets_each_function_uses(template: dict[str, Any]) -> None:
    reads = {name: [s["Resource"] for s in granting(f, "secretsmanager:GetSecretValue")]
             for name, f in resources(template, FUNCTION).items()}
    token = {"Fn::If": ["CreateGitHubTokenSecret", {"Ref": "GitHubTokenSecret"}, {"Ref": "GitHubTokenSecretArn"}]}
    assert reads == {"OrchestratorFunction": [token], "AgentFunction": [],
                     "WebhookFunction": [{"Ref": "WebhookSecret"}], "SchedulerFunction": []}
    assert env(template, "OrchestratorFunction")["SHOAL_GITHUB_TOKEN_SECRET"] == token
    assert env(template, "WebhookFunction")["SHOAL_WEBHOOK_SECRET_NAME"] == {"Ref": "WebhookSecret"}


def test_no_function_policy_uses_a_wildcard_where_the_arn_is_known(template: dict[str, Any]) -> None:
    for name, function in resources(template, FUNCTION).items():
        for statement in statements(function):
            assert statement["Effect"] == "Allow"
            assert all("*" not in action for action in as_list(statement["Action"])), (name, statement)
            for resource in as_list(statement["Resource"]):
                if isinstance(resource, str):
                    pytest.fail(f"{name}: literal resource {resource!r}: name the resource it is for")
                if "Fn::Sub" in resource:  # only object paths under a known bucket, or the orchestrator's executions
                    assert resource["Fn::Sub"] in ("${WorkspaceBucket.Arn}/shoal/*", ORCHESTRATOR_EXECUTIONS,
                                                   *TRANSFER_PREFIXES), (name, resource)


def test_no_split_function_policy_uses_a_wildcard_where_the_arn_is_known(split: dict[str, Any]) -> None:
    test_no_function_policy_uses_a_wildcard_where_the_arn_is_known(split)


TRANSFER_PREFIXES = ("${TransferBucket.Arn}/scans/*", "${TransferBucket.Arn}/cache/*")


# Durable executions are named at run time, under a version (never an alias): the one wildcard kind.
ORCHESTRATOR_EXECUTIONS = ("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:"
                           "${OrchestratorFunction}:*/durable-execution/*")


@pytest.mark.parametrize("name", ["WebhookFunction", "SchedulerFunction"])
def test_webhook_and_scheduler_read_only_the_orchestrators_executions(template: dict[str, Any], name: str) -> None:
    """They tell a redelivery from a new start by the execution's start time (GetDurableExecution)."""
    (grant,) = granting(template["Resources"][name], "lambda:GetDurableExecution")
    assert as_list(grant["Action"]) == ["lambda:GetDurableExecution"]
    assert grant["Resource"] == {"Fn::Sub": ORCHESTRATOR_EXECUTIONS}


def test_the_orchestrator_is_a_durable_function_with_an_alias(template: dict[str, Any]) -> None:
    props = template["Resources"]["OrchestratorFunction"]["Properties"]
    assert props["DurableConfig"]["ExecutionTimeout"] <= 31622400
    assert props["AutoPublishAlias"]
    assert template["Globals"]["Function"]["Runtime"] == "python3.13"


def test_the_orchestrator_knows_its_own_and_its_agents_time_limits(template: dict[str, Any]) -> None:
    """Claims go stale after the execution timeout; agents are sized and cut off by theirs."""
    props = template["Resources"]["OrchestratorFunction"]["Properties"]
    variables = env(template, "OrchestratorFunction")
    assert int(variables["SHOAL_EXECUTION_TIMEOUT"]) == props["DurableConfig"]["ExecutionTimeout"]
    agent = template["Resources"]["AgentFunction"]["Properties"]
    assert int(variables["SHOAL_AGENT_TIMEOUT"]) == agent.get("Timeout", template["Globals"]["Function"]["Timeout"])


# --- the workspace bucket ------------------------------------------------------------------------


def workspace_prefix(template: dict[str, Any]) -> str:
    """The bucket prefix of the workspace root: the access point's root directory."""
    root = template["Resources"]["WorkspaceAccessPoint"]["Properties"]["RootDirectory"]["Path"]
    return root.strip("/") + "/"


def test_lifecycle_expires_old_scan_folders_after_the_retention_days(template: dict[str, Any]) -> None:
    rules = template["Resources"]["WorkspaceBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]
    expiring = [r for r in rules if "ExpirationInDays" in r]
    scans = ScanPaths(Path("/ws"), "s1").root.relative_to("/ws").parts[0]  # the layout workspace.py writes
    (rule,) = expiring
    assert rule["Status"] == "Enabled"
    assert rule["Prefix"] == f"{workspace_prefix(template)}{scans}/"
    assert rule["ExpirationInDays"] == {"Ref": "ScanRetentionDays"}
    assert template["Parameters"]["ScanRetentionDays"]["Default"] == Settings().retention_days
    assert env(template, "OrchestratorFunction")[ENV_RETENTION_DAYS] == {"Ref": "ScanRetentionDays"}


def test_lifecycle_never_expires_the_repository_cache_or_baselines(template: dict[str, Any]) -> None:
    rules = template["Resources"]["WorkspaceBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]
    for rule in rules:
        if "ExpirationInDays" in rule or "ExpirationDate" in rule:
            prefix = rule.get("Prefix", "")
            for kept in ("cache/", "baselines/"):
                assert not f"{workspace_prefix(template)}{kept}".startswith(prefix), (rule["Id"], kept)


def test_lifecycle_cleans_noncurrent_versions_and_incomplete_uploads(template: dict[str, Any]) -> None:
    rules = template["Resources"]["WorkspaceBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]
    everywhere = [r for r in rules if not r.get("Prefix") and r["Status"] == "Enabled"]
    assert any(r["NoncurrentVersionExpiration"]["NoncurrentDays"] <= 7 for r in everywhere)
    assert any(r["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] <= 7 for r in everywhere)
    assert template["Resources"]["WorkspaceBucket"]["Properties"]["VersioningConfiguration"] == {"Status": "Enabled"}


def test_the_workspace_bucket_is_private_and_refuses_plain_http(template: dict[str, Any]) -> None:
    bucket = template["Resources"]["WorkspaceBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    (policy,) = resources(template, "AWS::S3::BucketPolicy").values()
    assert policy["Properties"]["Bucket"] == {"Ref": "WorkspaceBucket"}
    (deny,) = policy["Properties"]["PolicyDocument"]["Statement"]
    assert (deny["Effect"], deny["Action"]) == ("Deny", "s3:*")
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


# --- environment and outputs ---------------------------------------------------------------------


def test_every_function_has_its_powertools_service_and_the_metrics_namespace(template: dict[str, Any]) -> None:
    names = {}
    for name in resources(template, FUNCTION):
        variables = env(template, name)
        assert variables["POWERTOOLS_METRICS_NAMESPACE"] == "Shoal", name
        names[name] = variables["POWERTOOLS_SERVICE_NAME"]
    assert names == {"OrchestratorFunction": "shoal-orchestrator", "AgentFunction": "shoal-agent",
                     "WebhookFunction": "shoal-webhook", "SchedulerFunction": "shoal-scheduler",
                     **({"WorkspaceFunction": "shoal-workspace"} if "WorkspaceFunction" in template["Resources"] else {})}

    assert template["Globals"]["Function"]["Tracing"] == "Active"


def test_every_split_function_has_its_powertools_service(split: dict[str, Any]) -> None:
    test_every_function_has_its_powertools_service_and_the_metrics_namespace(split)


def test_publishing_settings_reach_the_orchestrator(template: dict[str, Any]) -> None:
    variables = env(template, "OrchestratorFunction")
    assert variables["SHOAL_GITHUB_PUBLISH"] == {"Ref": "PublishMode"}
    assert variables["SHOAL_GITHUB_SARIF_UPLOAD"] == {"Ref": "SarifUpload"}
    params = template["Parameters"]
    assert (params["PublishMode"]["Default"], params["PublishMode"]["AllowedValues"]) == (
        "review", ["none", "check", "status", "review"])
    assert (params["SarifUpload"]["Default"], params["SarifUpload"]["AllowedValues"]) == ("false", ["true", "false"])


def test_every_shoal_variable_the_template_sets_is_one_the_code_reads(raw: dict[str, Any]) -> None:
    template = raw
    source = "\n".join(p.read_text() for p in (ROOT / "shared" / "shoal").rglob("*.py"))
    # Read by the GitHub publishing step, which is being written alongside this template (issue 4).
    publishing = {"SHOAL_GITHUB_TOKEN_SECRET", "SHOAL_GITHUB_PUBLISH", "SHOAL_GITHUB_SARIF_UPLOAD"}
    for name in resources(template, FUNCTION):
        for variable in env(template, name):
            if variable.startswith("SHOAL_") and variable not in publishing:
                assert f'"{variable}"' in source, f"{name} sets {variable}, which no code reads"


def test_outputs_give_what_the_deploy_steps_need(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert {"WebhookUrl", "WebhookSecretArn", "GitHubTokenSecretArn", "OrchestratorAliasArn",
            "WorkspaceBucketName", "WorkspaceFileSystemId"} <= set(outputs)
    assert outputs["WebhookUrl"]["Value"]["Fn::Sub"].endswith("/webhook")
    assert outputs["OrchestratorAliasArn"]["Value"] == {"Ref": "OrchestratorFunction.Alias"}
    assert outputs["WorkspaceFileSystemId"]["Value"] == {"Fn::GetAtt": ["WorkspaceFileSystem", "FileSystemId"]}


# --- samconfig.toml ------------------------------------------------------------------------------


def overrides(text: str) -> dict[str, str]:
    """`A="1" B=2` as sam reads parameter_overrides, quotes removed."""
    return {key: value.strip('"') for key, value in re.findall(r'(\S+?)=("[^"]*"|\S+)', text)}


@pytest.fixture(scope="module")
def samconfig() -> dict[str, Any]:
    return tomllib.loads((ROOT / "samconfig.toml").read_text())


def test_samconfig_has_default_dev_and_prod_with_complete_sections(samconfig: dict[str, Any]) -> None:
    assert samconfig["version"] == 0.1
    assert {"default", "dev", "prod"} <= set(samconfig)
    for environment in ("default", "dev", "prod"):
        commands = samconfig[environment]
        assert {"build", "validate", "deploy"} <= set(commands), environment
        deploy = commands["deploy"]["parameters"]
        assert "CAPABILITY_IAM" in deploy["capabilities"], environment
        assert deploy.get("resolve_s3") is True, environment
    assert samconfig["default"]["local_invoke"]["parameters"]
    stacks = {e: samconfig[e]["global"]["parameters"]["stack_name"] for e in ("default", "dev", "prod")}
    assert len(set(stacks.values())) == 3, stacks
    assert samconfig["prod"]["deploy"]["parameters"]["confirm_changeset"] is True


def test_samconfig_overrides_name_real_parameters_with_allowed_values(
    samconfig: dict[str, Any], template: dict[str, Any]
) -> None:
    params = template["Parameters"]
    for environment in ("dev", "prod"):
        deploy = samconfig[environment]["deploy"]["parameters"]
        assert "tags" in deploy, environment
        given = overrides(deploy["parameter_overrides"])
        assert given, environment
        for key, value in given.items():
            assert key in params, f"{environment}: {key} is not a template parameter"
            allowed = params[key].get("AllowedValues")
            if allowed:
                assert value in [str(a) for a in allowed], (environment, key, value)
    prod = overrides(samconfig["prod"]["deploy"]["parameters"]["parameter_overrides"])
    assert prod["HighlyAvailableNat"] == "true"


# --- the git layer -------------------------------------------------------------------------------


def test_only_the_orchestrator_which_checks_out_gets_the_git_layer(template: dict[str, Any]) -> None:
    layer = template["Resources"]["GitLayer"]
    assert layer["Metadata"]["BuildMethod"] == "makefile"
    assert "build-GitLayer:" in (ROOT / layer["Properties"]["ContentUri"] / "Makefile").read_text()
    with_git = {name for name, f in resources(template, FUNCTION).items()
                if {"GitLayer", "GitLayerArm64"} & refs(f["Properties"].get("Layers", []))}
    assert with_git == {"OrchestratorFunction"}


def test_the_orchestrator_finds_the_layers_git_helpers_and_amazon_linuxs_ca_bundle(template: dict[str, Any]) -> None:
    variables = env(template, "OrchestratorFunction")
    # Layers are unpacked under /opt; build.sh puts the helpers in libexec/git-core.
    assert variables["GIT_EXEC_PATH"] == "/opt/libexec/git-core"
    assert variables["GIT_SSL_CAINFO"] == "/etc/pki/tls/certs/ca-bundle.crt"


def test_the_file_system_accepts_bucket_warnings_at_creation(template: dict[str, Any]) -> None:
    # Create-only, so it must be right before the first deploy; our lifecycle rules raise a warning.
    (fs,) = [r for r in template["Resources"].values() if r["Type"] == "AWS::S3Files::FileSystem"]
    assert fs["Properties"]["AcceptBucketWarning"] is True


def test_every_function_gets_the_ephemeral_storage_the_parameter_sets(template: dict[str, Any]) -> None:
    parameter = template["Parameters"]["EphemeralStorageMB"]
    assert parameter["MinValue"] == 512 and parameter["MaxValue"] == 10240  # Lambda's own bounds
    assert template["Globals"]["Function"]["EphemeralStorage"] == {"Size": {"Ref": "EphemeralStorageMB"}}


def test_the_fan_outs_concurrency_and_the_agents_reserved_concurrency_are_parameters(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    variables = resources["OrchestratorFunction"]["Properties"]["Environment"]["Variables"]
    assert variables["SHOAL_MAX_CONCURRENCY"] == {"Ref": "MaxConcurrency"}
    reserved = resources["AgentFunction"]["Properties"]["ReservedConcurrentExecutions"]
    assert reserved == {"Fn::If": ["ReserveAgentConcurrency", {"Ref": "AgentReservedConcurrency"}, {"Ref": "AWS::NoValue"}]}


# --- network layouts and alarms ------------------------------------------------------------------

LAYOUTS = ("Split", "NatInstance", "NatGateway")


EXISTING_VPC = ("VpcId=vpc-0123456789abcdef0", "SubnetIds=subnet-0123456789abcdef0,subnet-0fedcba987654321f")


@pytest.mark.parametrize(("layout", "ha", "arch", "vpc"), [
    ("Split", "false", "x86_64", ()), ("Split", "false", "arm64", ()), ("Split", "false", "x86_64", EXISTING_VPC),
    ("NatInstance", "false", "arm64", ()), ("NatInstance", "false", "x86_64", EXISTING_VPC),
    ("NatGateway", "false", "x86_64", ()), ("NatGateway", "true", "x86_64", ())])
def test_every_network_layout_passes_cfn_lint(layout: str, ha: str, arch: str, vpc: tuple[str, ...]) -> None:
    cfn_lint = Path(sys.executable).with_name("cfn-lint")
    done = subprocess.run(
        [str(cfn_lint), "--append-rules", "cfn_lint_serverless.rules", "--parameters", f"NetworkLayout={layout}",
         f"HighlyAvailableNat={ha}", f"Architecture={arch}", *vpc, "--", "template.yaml"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_default_layout_is_split_and_both_nat_layouts_stay_available(raw: dict[str, Any]) -> None:
    template = raw
    parameter = template["Parameters"]["NetworkLayout"]
    assert parameter["Default"] == "Split" and set(parameter["AllowedValues"]) == set(LAYOUTS)
    res = template["Resources"]
    assert res["NatGatewayA"]["Condition"] == "UseNatGateway" and res["NatAddressA"]["Condition"] == "UseNatGateway"
    assert res["NatInstance"]["Condition"] == "UseNatInstance"
    conditions = template["Conditions"]
    assert {"Condition": "CreateVpc"} in conditions["UseNatInstance"]["Fn::And"]  # never with the user's VPC
    assert {"Condition": "UseNatGateway"} in conditions["CreateHaNat"]["Fn::And"]


def test_the_nat_instance_forwards_only_the_orchestrators_https(template: dict[str, Any]) -> None:
    res = template["Resources"]
    instance = res["NatInstance"]["Properties"]
    assert instance["SourceDestCheck"] is False
    assert instance["MetadataOptions"]["HttpTokens"] == "required"
    (nic,) = instance["NetworkInterfaces"]
    assert nic["SubnetId"] == {"Ref": "PublicSubnetA"} and nic["AssociatePublicIpAddress"] is True
    script = instance["UserData"]["Fn::Base64"]["Fn::Sub"]
    assert "net.ipv4.ip_forward=1" in script and "MASQUERADE" in script and "${Vpc.CidrBlock}" in script
    ingress = [r["Properties"] for r in resources(template, "AWS::EC2::SecurityGroupIngress").values()
               if r["Properties"]["GroupId"] == {"Ref": "NatInstanceSecurityGroup"}]
    assert [(r["IpProtocol"], r["FromPort"], r["ToPort"], r["SourceSecurityGroupId"]["Ref"]) for r in ingress] == [
        ("tcp", 443, 443, "OrchestratorSecurityGroup")]
    assert egress_of(template, "NatInstanceSecurityGroup") == {("tcp", 443, "0.0.0.0/0")}


@pytest.mark.parametrize(("alarm", "metric"), [("ScanFailedAlarm", "ScansFailed"),
                                                ("PartitionsFailedAlarm", "PartitionsFailed")])
def test_alarms_watch_the_metrics_the_orchestrator_emits(template: dict[str, Any], alarm: str, metric: str) -> None:
    from shoal.observability import NAMESPACE, SCAN_METRICS, SERVICE

    props = template["Resources"][alarm]["Properties"]
    assert props["Namespace"] == NAMESPACE and props["MetricName"] == metric and metric in SCAN_METRICS
    # EMF metrics are only found under the exact dimension set they were emitted with.
    assert props["Dimensions"] == [{"Name": "service", "Value": SERVICE}]
    assert (props["Statistic"], props["Threshold"], props["ComparisonOperator"]) == (
        "Sum", 1, "GreaterThanOrEqualToThreshold")
    assert props["TreatMissingData"] == "notBreaching"
    assert props["AlarmActions"] == [{"Ref": "AlarmTopic"}]
    orchestrator_env = env(template, "OrchestratorFunction")
    assert orchestrator_env["POWERTOOLS_SERVICE_NAME"] == SERVICE


def test_the_architecture_parameter_picks_the_functions_processor_and_its_layers(template: dict[str, Any]) -> None:
    assert template["Parameters"]["Architecture"]["Default"] == "x86_64"
    assert template["Globals"]["Function"]["Architectures"] == [{"Ref": "Architecture"}]
    res = template["Resources"]
    for x86, arm in (("SharedLayer", "SharedLayerArm64"), ("GitLayer", "GitLayerArm64")):
        assert res[x86]["Condition"] == "UseX86" and res[arm]["Condition"] == "UseArm64"
        assert res[x86]["Properties"]["CompatibleArchitectures"] == ["x86_64"]
        assert res[arm]["Properties"]["CompatibleArchitectures"] == ["arm64"]
        assert res[arm]["Metadata"]["BuildArchitecture"] == "arm64"  # sam build reads this, not the above
        assert res[x86]["Properties"]["ContentUri"] == res[arm]["Properties"]["ContentUri"]
    makefile = (ROOT / "functions" / "gitlayer" / "Makefile").read_text()
    assert re.search(r"^build-GitLayerArm64:\n\tbash build.sh \"\$\(ARTIFACTS_DIR\)\" arm64$", makefile, re.MULTILINE)
    for name, function in resources(template, FUNCTION).items():
        for layer in function["Properties"]["Layers"]:  # each layer is the one of the chosen architecture
            condition, arm, x86 = layer["Fn::If"]
            assert condition == "UseArm64" and arm["Ref"].endswith("Arm64") and arm["Ref"] == x86["Ref"] + "Arm64", name


# --- the Split layout: orchestrator outside the VPC, no NAT ---------------------------------------

# What is billed by the hour whatever the scans (docs/cost.md): none of it may be in the Split layout.
HOURLY = {"AWS::EC2::NatGateway", "AWS::EC2::EIP", "AWS::EC2::Instance", "AWS::EC2::InternetGateway"}


def test_the_split_layout_builds_no_nat_no_public_network_and_no_route_out(raw: dict[str, Any]) -> None:
    res = resolve(raw, {"NetworkLayout": "Split", "VpcId": ""})["Resources"]
    assert not {r["Type"] for r in res.values()} & (HOURLY | {"AWS::EC2::Route"})
    assert not [n for n in res if n.startswith("Public")]
    endpoints = [r["Properties"] for r in res.values() if r["Type"] == "AWS::EC2::VPCEndpoint"]
    assert [(e["VpcEndpointType"], refs(e["RouteTableIds"])) for e in endpoints] == [
        ("Gateway", {"PrivateRouteTableA", "PrivateRouteTableB"})]  # free, and S3 only
    # The NAT layouts still build theirs.
    nat = resolve(raw, {"NetworkLayout": "NatInstance", "VpcId": ""})["Resources"]
    assert {"AWS::EC2::Instance", "AWS::EC2::InternetGateway"} <= {r["Type"] for r in nat.values()}


def test_the_split_orchestrator_runs_outside_the_vpc_and_hands_the_workspace_over(
    split: dict[str, Any], raw: dict[str, Any]
) -> None:
    from shoal.scan.transfer import ENV_TRANSFER_BUCKET, ENV_WORKSPACE_FUNCTION

    orchestrator = split["Resources"]["OrchestratorFunction"]
    assert "VpcConfig" not in orchestrator["Properties"] and "FileSystemConfigs" not in orchestrator["Properties"]
    variables = env(split, "OrchestratorFunction")
    assert variables["SHOAL_WORKSPACE"].startswith("/tmp/")
    assert variables[ENV_WORKSPACE_FUNCTION] == {"Ref": "WorkspaceFunction.Alias"}
    assert variables[ENV_TRANSFER_BUCKET] == {"Ref": "TransferBucket"}
    assert [g["Resource"] for g in granting(orchestrator, "lambda:InvokeFunction")] == [
        {"Ref": "AgentFunction.Alias"}, {"Ref": "WorkspaceFunction.Alias"}]
    assert not granting(orchestrator, "s3files:ClientMount")
    (objects,) = granting(orchestrator, "s3:PutObject")
    assert [r["Fn::Sub"] for r in objects["Resource"]] == list(TRANSFER_PREFIXES)
    (listing,) = granting(orchestrator, "s3:ListBucket")
    assert listing["Resource"] == {"Fn::GetAtt": ["TransferBucket", "Arn"]}
    assert listing["Condition"] == {"StringLike": {"s3:prefix": "cache/*"}}
    # The NAT layouts: in the VPC, mounted, no workspace function to invoke.
    nat = env(resolve(raw, {"NetworkLayout": "NatGateway"}), "OrchestratorFunction")
    assert nat["SHOAL_WORKSPACE"] == "/mnt/workspace" and nat[ENV_WORKSPACE_FUNCTION] == ""


def test_in_split_only_the_agents_and_the_workspace_function_mount_and_reach_nfs(split: dict[str, Any]) -> None:
    functions = mounting_functions(split)
    assert set(functions) == {"AgentFunction", "WorkspaceFunction"}
    targets = set(resources(split, "AWS::S3Files::MountTarget"))
    for name, function in functions.items():
        assert targets <= set(as_list(function["DependsOn"])), name
        (grant,) = granting(function, "s3files:ClientMount")
        assert grant["Condition"] == {"StringEquals": {
            "s3files:AccessPointArn": {"Fn::GetAtt": ["WorkspaceAccessPoint", "AccessPointArn"]}}}, name
    ingress = {r["Properties"]["SourceSecurityGroupId"]["Ref"]
               for r in resources(split, "AWS::EC2::SecurityGroupIngress").values()}
    assert ingress == {"AgentSecurityGroup", "WorkspaceSecurityGroup"}
    assert egress_of(split, "WorkspaceSecurityGroup") == {("tcp", 2049, "MountTargetSecurityGroup"), ("tcp", 443, "0.0.0.0/0")}
    workspace = split["Resources"]["WorkspaceFunction"]
    assert not granting(workspace, "lambda:InvokeFunction") and not granting(workspace, "secretsmanager:GetSecretValue")
    (transfer,) = granting(workspace, "s3:PutObject")
    assert [r["Fn::Sub"] for r in transfer["Resource"]] == list(TRANSFER_PREFIXES)
    assert env(split, "WorkspaceFunction")["SHOAL_WORKSPACE"] == "/mnt/workspace"
    assert not {"GitLayer", "GitLayerArm64"} & refs(workspace["Properties"]["Layers"])  # no git needed there


def test_the_transfer_bucket_is_private_tls_only_unsynced_and_expires_hand_overs(split: dict[str, Any]) -> None:
    res = split["Resources"]
    bucket = res["TransferBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    rules = {r["Id"]: r for r in bucket["LifecycleConfiguration"]["Rules"]}
    assert (rules["expire-hand-overs"]["Prefix"], rules["expire-hand-overs"]["ExpirationInDays"]) == ("scans/", 1)
    assert rules["expire-repository-caches"]["Prefix"] == "cache/"
    (deny,) = res["TransferBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert deny["Effect"] == "Deny" and deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    (fs,) = resources(split, "AWS::S3Files::FileSystem").values()
    assert fs["Properties"]["Bucket"] == {"Fn::GetAtt": ["WorkspaceBucket", "Arn"]}  # not the transfer bucket
    assert split["Outputs"]["TransferBucketName"]["Value"] == {"Ref": "TransferBucket"}


def test_the_workspace_function_answers_every_action_the_orchestrator_invokes() -> None:
    import inspect

    from shoal.handlers import orchestrator, workspace_stages
    from shoal.handlers.workspace import ACTIONS

    source = inspect.getsource(orchestrator) + inspect.getsource(workspace_stages)
    invoked = set(re.findall(r'on_workspace\(\s*"(\w+)"', source))
    assert invoked == set(ACTIONS) == {"claim", "release", "plan", "merge", "seal"}
