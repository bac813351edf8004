"""Terraform (the AWS provider, offline) applying a public website bucket and a private versioned, encrypted bucket
with a lifecycle rule: apply, a second plan that finds nothing to change (aws_s3_bucket's refresh reads every bucket
configuration and must get S3's answers), the website served to an anonymous client, and a clean destroy.

Run from JUnit (S3TerraformTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
"""
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from cloudjar_pytest import ENDPOINT

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(terraform_project):
    return terraform_project(HERE / "s3" / "main.tf")


def get(path):
    try:
        with urllib.request.urlopen(ENDPOINT + path, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_buckets_apply_have_no_drift_serve_the_site_and_destroy(terraform):
    terraform("apply", "-auto-approve", "-input=false")

    assert get("/_cloudjar/website/tf-site/") == (200, "<h1>home</h1>")
    assert get("/tf-site/index.html")[0] == 200, "the public-read policy lets anonymous readers in"
    assert get("/tf-data/")[0] == 403, "the private bucket is not listed to anonymous callers"

    plan = terraform("plan", "-detailed-exitcode", "-input=false", check=False)
    assert plan.returncode == 0, "a second plan must find nothing to change:\n" + plan.stdout + plan.stderr

    terraform("destroy", "-auto-approve", "-input=false")
    assert get("/_cloudjar/website/tf-site/")[0] == 404
