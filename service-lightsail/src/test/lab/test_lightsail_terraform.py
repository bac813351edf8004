"""The learner's Lightsail server applied with Terraform (AWS provider 5.100.0, offline): aws_lightsail_key_pair,
aws_lightsail_instance, aws_lightsail_static_ip and aws_lightsail_static_ip_attachment; a second plan finds nothing
to change; destroy leaves nothing behind.

Run from JUnit (LightsailLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
"""
import json
import subprocess
from pathlib import Path

import pytest

from cloudjar_pytest import ENDPOINT

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(terraform_project):
    return terraform_project(HERE / "terraform" / "main.tf")


def lightsail(cli_env, *args):
    proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "--region", "us-east-1", "lightsail", *args],
                          env=cli_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_server_applies_without_drift_and_destroys(terraform, cli_env):
    terraform("apply", "-auto-approve", "-input=false")
    outputs = json.loads(terraform("output", "-json").stdout)
    assert outputs["public_ip"]["value"] == outputs["attached_ip"]["value"]
    assert outputs["instance_arn"]["value"].startswith("arn:aws:lightsail:us-east-1:000000000000:Instance/")
    assert outputs["private_key"]["value"].startswith("-----BEGIN RSA PRIVATE KEY-----")
    web = lightsail(cli_env, "get-instance", "--instance-name", "seed-web")["instance"]
    assert web["publicIpAddress"] == outputs["public_ip"]["value"]
    assert web["sshKeyName"] == "seed-key"
    assert web["tags"] == [{"key": "course", "value": "django"}]

    plan = terraform("plan", "-detailed-exitcode", "-input=false", check=False)
    assert plan.returncode == 0, f"a second plan wants changes:\n{plan.stdout}\n{plan.stderr}"

    terraform("destroy", "-auto-approve", "-input=false")
    assert lightsail(cli_env, "get-instances")["instances"] == []
    assert lightsail(cli_env, "get-static-ips")["staticIps"] == []
    assert lightsail(cli_env, "get-key-pairs")["keyPairs"] == []
