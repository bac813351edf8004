"""The learner's database applied with Terraform (AWS provider 5.100.0, offline): a custom VPC's private subnets,
aws_db_subnet_group, aws_db_parameter_group and a PostgreSQL aws_db_instance, and an Aurora PostgreSQL
aws_rds_cluster with its aws_rds_cluster_parameter_group and a writer aws_rds_cluster_instance; a second plan finds
nothing to change; destroy leaves nothing behind.

Run from JUnit (RdsLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
"""
import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(terraform_project):
    return terraform_project(HERE / "terraform" / "main.tf")


def test_database_applies_without_drift_and_destroys(terraform, ec2):
    terraform("apply", "-auto-approve", "-input=false")
    outputs = json.loads(terraform("output", "-json").stdout)
    assert outputs["address"]["value"] == "localhost"
    assert outputs["port"]["value"] > 0
    assert outputs["cluster_endpoint"]["value"] == "localhost"
    assert outputs["reader_endpoint"]["value"] == "127.0.0.2"
    assert outputs["cluster_port"]["value"] > 0
    assert outputs["writer"]["value"] is True

    plan = terraform("plan", "-detailed-exitcode", "-input=false", check=False)
    assert plan.returncode == 0, f"a second plan wants changes:\n{plan.stdout}\n{plan.stderr}"

    terraform("destroy", "-auto-approve", "-input=false")
