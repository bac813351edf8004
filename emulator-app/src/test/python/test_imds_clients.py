"""An instance's metadata service as botocore and the AWS CLI use it: the instance profile credential
provider reads the role's credentials (IMDSv2) from AWS_EC2_METADATA_SERVICE_ENDPOINT, and calls signed with
them act as the role session named after the instance.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_imds_clients.py
(ImdsScriptedClientsTest runs this against an in-process server during `mvn test`.)
"""
import json
import os
import subprocess
import uuid

import boto3
import pytest
from botocore.credentials import InstanceMetadataProvider
from botocore.utils import InstanceMetadataFetcher

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
EC2_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                        "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
JAMMY = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"


@pytest.fixture(scope="module")
def aws_home(tmp_path_factory):
    empty = tmp_path_factory.mktemp("aws-home") / "none"
    empty.write_text("")
    return str(empty)


@pytest.fixture(scope="module")
def session(aws_home):
    os.environ["AWS_CONFIG_FILE"] = aws_home
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = aws_home
    os.environ.pop("AWS_PROFILE", None)
    return boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")


@pytest.fixture(scope="module")
def instance(session, clock):
    """A running t2.micro launched with a profile whose role EC2 may assume; (instance id, role name)."""
    iam = session.client("iam", endpoint_url=ENDPOINT)
    ec2 = session.client("ec2", endpoint_url=ENDPOINT)
    name = "imds-" + uuid.uuid4().hex[:8]
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=EC2_TRUST)
    iam.create_instance_profile(InstanceProfileName=name)
    iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=name)
    images = ec2.describe_images(Owners=["099720109477"], Filters=[{"Name": "name", "Values": [JAMMY]}])["Images"]
    image = max(images, key=lambda i: i["CreationDate"])["ImageId"]
    instance_id = ec2.run_instances(ImageId=image, InstanceType="t2.micro", MinCount=1, MaxCount=1,
                                    IamInstanceProfile={"Name": name},
                                    MetadataOptions={"HttpTokens": "required"})["Instances"][0]["InstanceId"]
    clock.advance(2)  # booting takes a second on the emulator clock
    state = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]["State"]["Name"]
    assert state == "running"
    return instance_id, name


def metadata_endpoint(instance_id):
    return f"{ENDPOINT}/_cloudjar/ec2/{instance_id}"


def test_botocores_instance_profile_provider_gets_the_role_session(session, instance):
    instance_id, role = instance
    fetcher = InstanceMetadataFetcher(timeout=2, num_attempts=1,
                                      config={"ec2_metadata_service_endpoint": metadata_endpoint(instance_id)})
    credentials = InstanceMetadataProvider(iam_role_fetcher=fetcher).load()
    assert credentials is not None, "botocore found no instance profile credentials"
    frozen = credentials.get_frozen_credentials()
    assert frozen.access_key.startswith("ASIA")
    sts = boto3.client("sts", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=frozen.access_key,
                       aws_secret_access_key=frozen.secret_key, aws_session_token=frozen.token)
    assert sts.get_caller_identity()["Arn"] == f"arn:aws:sts::000000000000:assumed-role/{role}/{instance_id}"


def test_the_cli_uses_the_metadata_endpoint_setting_when_no_other_credentials_exist(aws_home, instance):
    instance_id, role = instance
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=aws_home, AWS_SHARED_CREDENTIALS_FILE=aws_home, AWS_DEFAULT_REGION="us-east-1",
               AWS_EC2_METADATA_SERVICE_ENDPOINT=metadata_endpoint(instance_id))
    out = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "sts", "get-caller-identity", "--output", "json"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["Arn"] == f"arn:aws:sts::000000000000:assumed-role/{role}/{instance_id}"
