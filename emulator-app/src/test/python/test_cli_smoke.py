"""Smoke tests that drive Cloudjar with the real AWS CLI.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_cli_smoke.py
(ScriptedClientsTest runs this against an in-process server during `mvn test`.)
"""
import hashlib
import json
import os
import subprocess
import uuid

import pytest

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")


# cli_env (an isolated CLI configuration, region us-east-1) comes from the core test kit (cloudjar_pytest).


@pytest.fixture
def aws(cli_env):
    """aws(*args) -> parsed JSON (or raw stdout); aws(*args, ok=False) -> CompletedProcess, expecting failure."""

    def run(*args, ok=True):
        proc = subprocess.run(
            ["aws", "--endpoint-url", ENDPOINT, *args],
            env=cli_env, capture_output=True, text=True, timeout=120,
        )
        if not ok:
            assert proc.returncode != 0, f"expected failure of {args}, got stdout:\n{proc.stdout}"
            return proc
        assert proc.returncode == 0, f"aws {' '.join(args)} exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
        out = proc.stdout.strip()
        if out.startswith("{") or out.startswith("["):
            return json.loads(out)
        return out

    return run


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def test_sts_get_caller_identity(aws):
    ident = aws("sts", "get-caller-identity")
    assert ident["Account"] == "000000000000"
    assert ident["Arn"] == "arn:aws:iam::000000000000:root"


def test_iam_user_lifecycle(aws):
    name = unique("cli-user")
    created = aws("iam", "create-user", "--user-name", name)["User"]
    assert created["UserName"] == name
    assert created["Arn"] == f"arn:aws:iam::000000000000:user/{name}"
    assert aws("iam", "get-user", "--user-name", name)["User"]["UserId"] == created["UserId"]
    assert name in [u["UserName"] for u in aws("iam", "list-users")["Users"]]
    aws("iam", "delete-user", "--user-name", name)
    assert name not in [u["UserName"] for u in aws("iam", "list-users")["Users"]]


def test_iam_get_missing_user_fails(aws):
    proc = aws("iam", "get-user", "--user-name", "nobody", ok=False)
    assert "NoSuchEntity" in proc.stderr


def test_ec2_vpc_lifecycle(aws):
    vpc = aws("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16")["Vpc"]
    vpc_id = vpc["VpcId"]
    assert vpc_id.startswith("vpc-")
    assert vpc["CidrBlock"] == "10.0.0.0/16"
    described = aws("ec2", "describe-vpcs", "--vpc-ids", vpc_id)["Vpcs"]
    assert [v["VpcId"] for v in described] == [vpc_id]
    assert described[0]["CidrBlock"] == "10.0.0.0/16"
    aws("ec2", "delete-vpc", "--vpc-id", vpc_id)
    proc = aws("ec2", "describe-vpcs", "--vpc-ids", vpc_id, ok=False)
    assert "InvalidVpcID.NotFound" in proc.stderr


def test_ec2_describe_missing_vpc_fails(aws):
    proc = aws("ec2", "describe-vpcs", "--vpc-ids", "vpc-00000000000000000", ok=False)
    assert "InvalidVpcID.NotFound" in proc.stderr


def test_ec2_describe_regions(aws):
    regions = [r["RegionName"] for r in aws("ec2", "describe-regions")["Regions"]]
    assert "us-east-1" in regions and "eu-west-1" in regions


def test_s3_mb_cp_ls_rm_rb(aws, tmp_path):
    bucket = unique("cli-bucket")
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(20 * 1024 * 1024))
    back = tmp_path / "back.bin"

    aws("s3", "mb", f"s3://{bucket}")
    # 20 MB > the CLI's 8 MB multipart threshold: multipart upload, then ranged parallel GETs on the way down.
    aws("s3", "cp", str(src), f"s3://{bucket}/dir/big.bin")
    aws("s3", "cp", f"s3://{bucket}/dir/big.bin", str(back))
    assert back.stat().st_size == src.stat().st_size
    assert sha256(back) == sha256(src)

    assert bucket in aws("s3", "ls")
    listing = aws("s3", "ls", f"s3://{bucket}", "--recursive")
    assert "dir/big.bin" in listing and str(20 * 1024 * 1024) in listing

    # The CLI lists with EncodingType=url and decodes the keys it gets back.
    odd_key = "odd dir/a+b%20ü.txt"
    small = tmp_path / "small.txt"
    small.write_text("hi")
    aws("s3", "cp", str(small), f"s3://{bucket}/{odd_key}")
    assert odd_key in aws("s3", "ls", f"s3://{bucket}", "--recursive")
    assert "BucketNotEmpty" in aws("s3", "rb", f"s3://{bucket}", ok=False).stderr

    aws("s3", "rm", f"s3://{bucket}/dir/big.bin")
    aws("s3", "rm", f"s3://{bucket}/{odd_key}")
    assert aws("s3", "ls", f"s3://{bucket}", "--recursive") == ""
    aws("s3", "rb", f"s3://{bucket}")
    assert bucket not in aws("s3", "ls")


def test_lightsail_get_bundles(aws):
    bundles = aws("lightsail", "get-bundles")["bundles"]
    assert any(b["price"] == 3.5 for b in bundles)


def test_rds_describe_db_engine_versions(aws):
    versions = aws("rds", "describe-db-engine-versions", "--engine", "postgres")["DBEngineVersions"]
    assert versions
    assert all(v["Engine"] == "postgres" for v in versions)
