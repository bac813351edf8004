"""The learner's site behind a Lightsail CDN applied with Terraform (AWS provider 5.100.0, offline): aws_lightsail_certificate
validated by aws_lightsail_domain_entry CNAMEs in an aws_lightsail_domain, an aws_lightsail_bucket origin and an
aws_lightsail_distribution serving the certificate's names; the aws CLI then resets the cache and reads the bundles; a
second plan finds nothing to change; destroy leaves nothing behind.

Run from JUnit (LightsailContentDeliveryLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
"""
import json
import re
import subprocess
from pathlib import Path

import pytest

from cloudjar_pytest import ENDPOINT

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(terraform_project):
    return terraform_project(HERE / "terraform-cdn" / "main.tf")


def lightsail(cli_env, *args):
    proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "--region", "us-east-1", "lightsail", *args],
                          env=cli_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_site_behind_the_cdn_applies_without_drift_and_destroys(terraform, cli_env):
    terraform("apply", "-auto-approve", "-input=false")
    outputs = json.loads(terraform("output", "-json").stdout)
    assert re.fullmatch(r"d[a-z2-7]{13}\.cloudfront\.net", outputs["distribution_domain_name"]["value"])

    certs = lightsail(cli_env, "get-certificates", "--include-certificate-details")["certificates"]
    assert [(c["certificateName"], c["certificateDetail"]["status"], c["certificateDetail"]["inUseResourceCount"])
            for c in certs] == [("seed-cdn-cert", "ISSUED", 1)]
    (cdn,) = lightsail(cli_env, "get-distributions")["distributions"]
    assert cdn["name"] == "seed-cdn" and cdn["certificateName"] == "seed-cdn-cert"
    assert cdn["alternativeDomainNames"] == ["seed-cdn.com", "www.seed-cdn.com"]
    assert cdn["origin"]["resourceType"] == "Bucket"
    assert cdn["originPublicDNS"] == "seed-cdn-assets.s3.us-east-1.amazonaws.com"
    assert cdn["cacheBehaviors"] == [{"path": "/admin/*", "behavior": "dont-cache"}]
    assert cdn["tags"] == [{"key": "course", "value": "django"}]

    reset = lightsail(cli_env, "reset-distribution-cache", "--distribution-name", "seed-cdn")
    assert reset["status"] == "InProgress" and reset["operation"]["operationType"] == "ResetDistributionCache"
    latest = lightsail(cli_env, "get-distribution-latest-cache-reset", "--distribution-name", "seed-cdn")
    assert latest["status"] in ("InProgress", "Completed")
    bundles = lightsail(cli_env, "get-distribution-bundles")["bundles"]
    assert [b["bundleId"] for b in bundles] == ["small_1_0", "medium_1_0", "large_1_0"]

    plan = terraform("plan", "-detailed-exitcode", "-input=false", check=False)
    assert plan.returncode == 0, f"a second plan wants changes:\n{plan.stdout}\n{plan.stderr}"

    terraform("destroy", "-auto-approve", "-input=false")
    assert lightsail(cli_env, "get-distributions")["distributions"] == []
    assert lightsail(cli_env, "get-certificates")["certificates"] == []
    assert lightsail(cli_env, "get-domains")["domains"] == []
    assert lightsail(cli_env, "get-buckets")["buckets"] == []
