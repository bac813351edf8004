"""The seed lab applied with Terraform (the AWS provider, offline): apply, a second plan that finds
nothing to change, and a destroy that leaves nothing behind.

Run from JUnit (VpcLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
Skipped when terraform is missing or the AWS provider cannot be installed offline.
"""
from pathlib import Path

import pytest

CLI_REGION = "ap-northeast-2"
HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(terraform_project):
    return terraform_project(HERE / "terraform" / "main.tf")


def test_seed_lab_applies_has_no_drift_and_destroys_cleanly(terraform, ec2):
    terraform("apply", "-auto-approve", "-input=false")

    vpcs = ec2("describe-vpcs", "--filters", "Name=tag:Name,Values=lab-vpc")["Vpcs"]
    assert [v["CidrBlock"] for v in vpcs] == ["10.0.0.0/16"]
    vpc_id = vpcs[0]["VpcId"]
    subnets = ec2("describe-subnets", "--filters", f"Name=vpc-id,Values={vpc_id}")["Subnets"]
    assert sorted(s["CidrBlock"] for s in subnets) == ["10.0.1.0/24", "10.0.11.0/24", "10.0.12.0/24", "10.0.2.0/24"]
    assert sorted(s["AvailableIpAddressCount"] for s in subnets) == [250, 251, 251, 251], "5 reserved, 1 for the NAT gateway"
    group = ec2("describe-security-groups", "--filters", f"Name=vpc-id,Values={vpc_id}", "Name=group-name,Values=lab-web")["SecurityGroups"][0]
    assert sorted(p["FromPort"] for p in group["IpPermissions"]) == [22, 80, 443, 8000]
    nat = ec2("describe-nat-gateways", "--filter", f"Name=vpc-id,Values={vpc_id}")["NatGateways"]
    assert [n["State"] for n in nat] == ["available"]

    plan = terraform("plan", "-detailed-exitcode", "-input=false", check=False)
    assert plan.returncode == 0, "a second plan must find nothing to change:\n" + plan.stdout + plan.stderr

    terraform("destroy", "-auto-approve", "-input=false")
    assert [v["CidrBlock"] for v in ec2("describe-vpcs")["Vpcs"]] == ["172.31.0.0/16"]
    assert ec2("describe-addresses")["Addresses"] == []
    assert [n["State"] for n in ec2("describe-nat-gateways")["NatGateways"]] in ([], ["deleted"], ["deleting"])
