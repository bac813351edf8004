"""The learner's web server applied with Terraform (AWS provider 5.100.0, offline): a data "aws_ami" lookup,
an aws_instance with user data and a resized gp3 root volume, and an Elastic IP; a second plan finds nothing
to change; destroy leaves nothing behind.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 TF_CLI_CONFIG_FILE=.../terraformrc python3 -m pytest -q test_ec2_terraform.py
"""
import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ENDPOINT

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def terraform(tmp_path_factory):
    if shutil.which("terraform") is None or shutil.which("ssh-keygen") is None:
        pytest.skip("terraform or ssh-keygen not installed")
    work = tmp_path_factory.mktemp("tf-ec2")
    shutil.copy(HERE / "terraform" / "main.tf", work / "main.tf")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(work / "id_seed")], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1", TF_INPUT="0", TF_VAR_endpoint=ENDPOINT,
               TF_VAR_public_key=(work / "id_seed.pub").read_text().strip())

    def run(*args, check=True):
        proc = subprocess.run(["terraform", *args, "-no-color"], cwd=work, env=env, capture_output=True, text=True, timeout=900)
        if check:
            assert proc.returncode == 0, f"terraform {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        return proc

    init = run("init", "-input=false", check=False)
    if init.returncode != 0:
        pytest.skip("the AWS provider cannot be installed offline (set TF_CLI_CONFIG_FILE):\n" + init.stderr[-2000:])
    return run


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
