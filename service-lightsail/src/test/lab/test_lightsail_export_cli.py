"""Lightsail beyond the server, with the real AWS CLI (and ssh-keygen): the host keys a browser client checks, the
Lightsail VPC peered with the default VPC, and a server taken to EC2 -- snapshot, export, the AMI and EBS snapshot in
EC2's own API, an EC2 instance launched from it by create-cloud-formation-stack.

Run from JUnit (LightsailExportLabScriptsTest), which loads the shared fixtures of the core test kit
(cloudjar_pytest, whose `lightsail` and `ec2` fixtures run the CLI). Transitions take seconds on the emulator clock;
the script moves that clock instead of waiting.
"""
import json
import subprocess


def test_host_keys_are_what_ssh_keygen_fingerprints(lightsail, clock, tmp_path):
    lightsail("create-instances", "--instance-names", "seed-web", "--availability-zone", "us-east-1a",
       "--blueprint-id", "ubuntu_22_04", "--bundle-id", "micro_3_0")
    clock.advance(60)
    details = lightsail("get-instance-access-details", "--instance-name", "seed-web")["accessDetails"]
    keys = details["hostKeys"]
    assert [k["algorithm"] for k in keys] == ["ssh-rsa", "ecdsa-sha2-nistp256", "ssh-ed25519"]
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text("".join(f"{details['ipAddress']} {k['algorithm']} {k['publicKey']}\n" for k in keys))
    printed = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", str(known_hosts)],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    assert [line.split()[1] for line in printed] == [k["fingerprintSHA256"] for k in keys], printed

    forgotten = lightsail("delete-known-host-keys", "--instance-name", "seed-web")["operations"][0]
    assert forgotten["operationType"] == "DeleteKnownHostKeys" and forgotten["status"] == "Succeeded"
    again = lightsail("get-instance-access-details", "--instance-name", "seed-web")["accessDetails"]["hostKeys"]
    assert [k["publicKey"] for k in again] == [k["publicKey"] for k in keys]


def test_peering_and_export_to_ec2(lightsail, ec2, clock):
    assert lightsail("is-vpc-peered")["isPeered"] is False
    peered = lightsail("peer-vpc")["operation"]
    default_vpc = ec2("describe-vpcs", "--filters", "Name=is-default,Values=true")["Vpcs"][0]["VpcId"]
    assert peered["operationType"] == "PeeredVpc" and peered["operationDetails"] == default_vpc
    assert lightsail("is-vpc-peered")["isPeered"] is True
    lightsail("peer-vpc", error="OperationFailureException")
    assert lightsail("unpeer-vpc")["operation"]["operationType"] == "UnpeeredVpc"

    # another server than the first test's: the scripts share one server
    lightsail("create-instances", "--instance-names", "seed-app", "--availability-zone", "us-east-1a",
       "--blueprint-id", "ubuntu_22_04", "--bundle-id", "micro_3_0")
    clock.advance(60)
    lightsail("open-instance-public-ports", "--instance-name", "seed-app",
       "--port-info", "fromPort=443,toPort=443,protocol=tcp")
    lightsail("create-instance-snapshot", "--instance-name", "seed-app", "--instance-snapshot-name", "seed-app-snap")
    clock.advance(600)
    lightsail("export-snapshot", "--source-snapshot-name", "seed-app-snap")
    record = lightsail("get-export-snapshot-records")["exportSnapshotRecords"][0]
    assert record["state"] == "Started" and record["destinationInfo"]["service"] == "Aws::EC2::Image"
    ami = record["destinationInfo"]["id"]
    assert ec2("describe-images", "--owners", "self")["Images"][0]["State"] == "pending"
    clock.advance(600)
    assert lightsail("get-export-snapshot-records")["exportSnapshotRecords"][0]["state"] == "Succeeded"
    image = ec2("describe-images", "--image-ids", ami)["Images"][0]
    assert image["State"] == "available"
    snapshot_id = image["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"]
    assert ec2("describe-snapshots", "--snapshot-ids", snapshot_id)["Snapshots"][0]["State"] == "completed"

    lightsail("create-cloud-formation-stack", "--instances", json.dumps([{
        "sourceName": record["name"], "instanceType": "t3.small", "portInfoSource": "INSTANCE",
        "availabilityZone": "us-east-1c"}]))
    stack = lightsail("get-cloud-formation-stack-records")["cloudFormationStackRecords"][0]
    assert stack["sourceInfo"][0]["name"] == record["name"]
    assert stack["destinationInfo"]["service"] == "Aws::CloudFormation::Stack"
    reservations = ec2("describe-instances", "--filters", f"Name=image-id,Values={ami}")["Reservations"]
    instance = reservations[0]["Instances"][0]
    assert instance["InstanceType"] == "t3.small" and instance["Placement"]["AvailabilityZone"] == "us-east-1c"
    group = ec2("describe-security-groups", "--group-ids", instance["SecurityGroups"][0]["GroupId"])["SecurityGroups"][0]
    assert sorted(p["FromPort"] for p in group["IpPermissions"]) == [22, 80, 443]  # the source instance's firewall
    lightsail("create-cloud-formation-stack", "--instances", json.dumps([{
        "sourceName": "ExportSnapshotRecord-nothing", "instanceType": "t3.small", "portInfoSource": "NONE",
        "availabilityZone": "us-east-1c"}]), error="NotFoundException")
