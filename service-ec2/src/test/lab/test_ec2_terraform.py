"""The learner's web server applied with Terraform (AWS provider 5.100.0, offline): a data "aws_ami" lookup,
an aws_instance with user data and a resized gp3 root volume, and an Elastic IP; a second plan finds nothing
to change; destroy leaves nothing behind.

Run from JUnit (Ec2LabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
"""
import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest

CLI_REGION = "ap-northeast-2"
HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(terraform_project, tmp_path_factory):
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen not installed")
    keys = tmp_path_factory.mktemp("keys")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / "id_seed")], check=True)
    return terraform_project(HERE / "terraform" / "main.tf", public_key=(keys / "id_seed.pub").read_text().strip())


def test_instance_with_user_data_and_eip_applies_without_drift_and_destroys(terraform, ec2):
    terraform("apply", "-auto-approve", "-input=false")
    outputs = json.loads(terraform("output", "-json").stdout)
    instance_id = outputs["instance_id"]["value"]

    newest = ec2("describe-images", "--owners", "099720109477", "--filters",
                 "Name=name,Values=ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*",
                 "--query", "sort_by(Images, &CreationDate)[-1].ImageId", "--output", "text")
    assert outputs["ami"]["value"] == newest
    web = ec2("describe-instances", "--instance-ids", instance_id)["Reservations"][0]["Instances"][0]
    assert web["State"]["Name"] == "running"
    assert web["InstanceType"] == "t2.micro"
    assert web["KeyName"] == "seed-tf"
    assert web["PublicIpAddress"] == outputs["eip"]["value"]
    user_data = ec2("describe-instance-attribute", "--instance-id", instance_id, "--attribute", "userData")["UserData"]["Value"]
    assert "apt-get install -y nginx" in base64.b64decode(user_data).decode()
    root = web["BlockDeviceMappings"][0]["Ebs"]["VolumeId"]
    volume = ec2("describe-volumes", "--volume-ids", root)["Volumes"][0]
    assert (volume["Size"], volume["VolumeType"]) == (16, "gp3")

    plan = terraform("plan", "-detailed-exitcode", "-input=false", check=False)
    assert plan.returncode == 0, "a second plan must find nothing to change:\n" + plan.stdout + plan.stderr

    terraform("destroy", "-auto-approve", "-input=false")
    states = [i["State"]["Name"] for r in ec2("describe-instances")["Reservations"] for i in r["Instances"]]
    assert states == ["terminated"]
    assert ec2("describe-addresses")["Addresses"] == []
    assert ec2("describe-volumes")["Volumes"] == []
    assert ec2("describe-key-pairs")["KeyPairs"] == []
