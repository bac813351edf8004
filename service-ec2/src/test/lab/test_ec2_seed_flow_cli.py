"""The learner's EC2 walk-through with the real AWS CLI, in Seoul: a key pair whose .pem ssh-keygen accepts,
a web security group with 22/80/443/8000, a t2.micro from the newest Ubuntu 22.04 AMI found by name, the
instance-running waiter, an Elastic IP that survives stop/start while the Amazon public address changes,
an EBS volume attached and snapshotted, and termination that gives everything back.

Run from JUnit (Ec2LabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
Transitions take a second or a few on the emulator clock; the script moves that clock before each waiter,
so every waiter's first poll finds the state it waits for.
"""
import base64
import shutil
import subprocess

import pytest

CLI_REGION = "ap-northeast-2"  # Seoul, where the learner's notes launch their instance
JAMMY = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"


def instance(ec2, instance_id):
    return ec2("describe-instances", "--instance-ids", instance_id)["Reservations"][0]["Instances"][0]


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen not installed")
def test_seed_flow_from_key_pair_to_termination(ec2, clock, tmp_path):
    # Key pair: the .pem is what `ssh -i` would use; ssh-keygen derives the same public key EC2 keeps.
    pem = tmp_path / "seed-key.pem"
    pem.write_text(ec2("create-key-pair", "--key-name", "seed-key", "--query", "KeyMaterial", "--output", "text") + "\n")
    pem.chmod(0o400)
    public = subprocess.run(["ssh-keygen", "-y", "-f", str(pem)], capture_output=True, text=True, check=True).stdout.split()
    described = ec2("describe-key-pairs", "--key-names", "seed-key", "--include-public-key")["KeyPairs"][0]
    assert described["PublicKey"].split()[1] == public[1]

    # Web security group in the default VPC with the notes' four ports.
    vpc = ec2("describe-vpcs", "--filters", "Name=is-default,Values=true", "--query", "Vpcs[0].VpcId", "--output", "text")
    group = ec2("create-security-group", "--group-name", "seed-web", "--description", "web", "--vpc-id", vpc)["GroupId"]
    for port in (22, 80, 443, 8000):
        ec2("authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", str(port), "--cidr", "0.0.0.0/0")

    # The newest Ubuntu 22.04 image, found as the notes find it.
    image = ec2("describe-images", "--owners", "099720109477", "--filters", f"Name=name,Values={JAMMY}",
                "Name=state,Values=available", "--query", "sort_by(Images, &CreationDate)[-1].ImageId", "--output", "text")
    assert image.startswith("ami-")

    script = "#!/bin/bash\napt-get update\napt-get install -y nginx\n"
    reservation = ec2("run-instances", "--image-id", image, "--instance-type", "t2.micro", "--key-name", "seed-key",
                      "--security-group-ids", group, "--user-data", script,
                      "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=seed-web}]")
    launched = reservation["Instances"][0]
    instance_id = launched["InstanceId"]
    assert launched["State"]["Name"] == "pending"
    assert launched["InstanceType"] == "t2.micro"

    # Booting takes a second on the emulator clock.
    clock.advance(2)
    ec2("wait", "instance-running", "--instance-ids", instance_id)
    web = instance(ec2, instance_id)
    assert web["State"] == {"Code": 16, "Name": "running"}
    assert web["KeyName"] == "seed-key"
    assert web["SecurityGroups"] == [{"GroupId": group, "GroupName": "seed-web"}]
    assert web["PublicIpAddress"] and web["PrivateIpAddress"].startswith("172.31.")
    assert web["Placement"]["AvailabilityZone"].startswith("ap-northeast-2")
    user_data = ec2("describe-instance-attribute", "--instance-id", instance_id, "--attribute", "userData")
    assert base64.b64decode(user_data["UserData"]["Value"]).decode() == script
    console = ec2("get-console-output", "--instance-id", instance_id, "--output", "json")["Output"]
    assert "apt-get install -y nginx" in console
    first_public_ip = web["PublicIpAddress"]

    # Stop and start: the Amazon public address changes.
    ec2("stop-instances", "--instance-ids", instance_id)
    clock.advance(2)
    ec2("wait", "instance-stopped", "--instance-ids", instance_id)
    assert "PublicIpAddress" not in instance(ec2, instance_id)
    ec2("start-instances", "--instance-ids", instance_id)
    clock.advance(2)
    ec2("wait", "instance-running", "--instance-ids", instance_id)
    second_public_ip = instance(ec2, instance_id)["PublicIpAddress"]
    assert second_public_ip != first_public_ip

    # An Elastic IP stays through stop and start.
    allocation = ec2("allocate-address", "--domain", "vpc")
    ec2("associate-address", "--instance-id", instance_id, "--allocation-id", allocation["AllocationId"])
    assert instance(ec2, instance_id)["PublicIpAddress"] == allocation["PublicIp"]
    ec2("stop-instances", "--instance-ids", instance_id)
    clock.advance(2)
    ec2("wait", "instance-stopped", "--instance-ids", instance_id)
    ec2("start-instances", "--instance-ids", instance_id)
    clock.advance(2)
    ec2("wait", "instance-running", "--instance-ids", instance_id)
    assert instance(ec2, instance_id)["PublicIpAddress"] == allocation["PublicIp"]

    # A data volume in the instance's zone, attached, then snapshotted.
    zone = web["Placement"]["AvailabilityZone"]
    volume = ec2("create-volume", "--availability-zone", zone, "--size", "10", "--volume-type", "gp3")["VolumeId"]
    clock.advance(2)
    ec2("wait", "volume-available", "--volume-ids", volume)
    ec2("attach-volume", "--volume-id", volume, "--instance-id", instance_id, "--device", "/dev/sdf")
    clock.advance(2)
    ec2("wait", "volume-in-use", "--volume-ids", volume)
    devices = {m["DeviceName"] for m in instance(ec2, instance_id)["BlockDeviceMappings"]}
    assert devices == {"/dev/sda1", "/dev/sdf"}
    snapshot = ec2("create-snapshot", "--volume-id", volume, "--description", "seed data")["SnapshotId"]
    clock.advance(6)
    ec2("wait", "snapshot-completed", "--snapshot-ids", snapshot)

    # Termination: the root volume goes, the data volume is detached and stays, the address is released.
    root = [m["Ebs"]["VolumeId"] for m in web["BlockDeviceMappings"] if m["DeviceName"] == "/dev/sda1"][0]
    ec2("terminate-instances", "--instance-ids", instance_id)
    clock.advance(2)
    ec2("wait", "instance-terminated", "--instance-ids", instance_id)
    ec2("describe-volumes", "--volume-ids", root, error="InvalidVolume.NotFound")
    clock.advance(2)
    assert ec2("describe-volumes", "--volume-ids", volume)["Volumes"][0]["State"] == "available"
    assert ec2("describe-addresses", "--allocation-ids", allocation["AllocationId"])["Addresses"][0].get("InstanceId") is None

    # Clean up what outlives the instance.
    ec2("delete-snapshot", "--snapshot-id", snapshot)
    ec2("delete-volume", "--volume-id", volume)
    ec2("release-address", "--allocation-id", allocation["AllocationId"])
    ec2("delete-security-group", "--group-id", group)
    ec2("delete-key-pair", "--key-name", "seed-key")


def test_cli_errors_name_the_instance(ec2):
    ec2("describe-instances", "--instance-ids", "i-0123456789abcdef0", error="InvalidInstanceID.NotFound")
    ec2("stop-instances", "--instance-ids", "i-123", error="InvalidInstanceID.Malformed")
    ec2("run-instances", "--image-id", "ami-0123456789abcdef0", "--instance-type", "t2.micro", error="InvalidAMIID.NotFound")
