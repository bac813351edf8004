"""The learner's domain in Lightsail DNS applied with Terraform (AWS provider 5.100.0, offline): aws_lightsail_domain,
aws_lightsail_domain_entry, aws_lightsail_lb with aws_lightsail_lb_attachment and aws_lightsail_lb_certificate,
aws_lightsail_bucket with aws_lightsail_bucket_access_key, and aws_lightsail_container_service; a second plan finds nothing to change; destroy
leaves nothing behind.

Run from JUnit (LightsailServicesLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
"""
import json
import subprocess
from pathlib import Path

import pytest

from cloudjar_pytest import ENDPOINT

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(terraform_project):
    return terraform_project(HERE / "terraform-services" / "main.tf")


def lightsail(cli_env, *args):
    proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "--region", "us-east-1", "lightsail", *args],
                          env=cli_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_domain_applies_without_drift_and_destroys(terraform, cli_env):
    terraform("apply", "-auto-approve", "-input=false")
    outputs = json.loads(terraform("output", "-json").stdout)
    assert outputs["domain_arn"]["value"].startswith("arn:aws:lightsail:us-east-1:000000000000:Domain/")
    domains = lightsail(cli_env, "get-domains")["domains"]
    assert [d["name"] for d in domains] == ["seed-blog.com"]
    entries = {(e["type"], e["name"], e["target"]) for e in domains[0]["domainEntries"]}
    assert ("A", "www.seed-blog.com", "203.0.113.10") in entries
    lb = lightsail(cli_env, "get-load-balancer", "--load-balancer-name", "seed-lb")["loadBalancer"]
    assert lb["instancePort"] == 80 and lb["tags"] == [{"key": "course", "value": "django"}]
    assert [h["instanceName"] for h in lb["instanceHealthSummary"]] == ["seed-web"]
    certs = lightsail(cli_env, "get-load-balancer-tls-certificates", "--load-balancer-name", "seed-lb")["tlsCertificates"]
    assert [(c["name"], c["status"]) for c in certs] == [("seed-cert", "PENDING_VALIDATION")]
    assert len(lightsail(cli_env, "get-bucket-access-keys", "--bucket-name", "seed-blog-media")["accessKeys"]) == 1
    services = lightsail(cli_env, "get-container-services")["containerServices"]
    assert [(c["containerServiceName"], c["power"], c["state"]) for c in services] == [("seed-api", "nano", "READY")]
    assert [b["name"] for b in lightsail(cli_env, "get-buckets")["buckets"]] == ["seed-blog-media"]

    plan = terraform("plan", "-detailed-exitcode", "-input=false", check=False)
    assert plan.returncode == 0, f"a second plan wants changes:\n{plan.stdout}\n{plan.stderr}"

    terraform("destroy", "-auto-approve", "-input=false")
    assert lightsail(cli_env, "get-domains")["domains"] == []
    assert lightsail(cli_env, "get-load-balancers")["loadBalancers"] == []
    assert lightsail(cli_env, "get-buckets")["buckets"] == []
    assert lightsail(cli_env, "get-container-services")["containerServices"] == []
    assert lightsail(cli_env, "get-instances")["instances"] == []
