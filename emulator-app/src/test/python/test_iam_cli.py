"""The IAM/STS seed flows with the real AWS CLI: a group with AmazonS3ReadOnlyAccess, a user with an access
key that then signs `sts get-caller-identity`, and a role that is assumed and used.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_iam_cli.py
(ScriptedClientsTest runs this against an in-process server during `mvn test`.)
"""
import json
import os
import subprocess
import uuid

import pytest

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
ACCOUNT = "000000000000"


# cli_env (an isolated CLI configuration, region us-east-1) comes from the core test kit (cloudjar_pytest).


@pytest.fixture
def aws(cli_env):
    """aws(*args, creds=None) -> parsed JSON; aws(*args, ok=False) -> CompletedProcess, expecting failure."""

    def run(*args, ok=True, creds=None):
        env = dict(cli_env)
        if creds:
            env["AWS_ACCESS_KEY_ID"] = creds["AccessKeyId"]
            env["AWS_SECRET_ACCESS_KEY"] = creds["SecretAccessKey"]
            if "SessionToken" in creds:
                env["AWS_SESSION_TOKEN"] = creds["SessionToken"]
        proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, *args], env=env, capture_output=True, text=True, timeout=120)
        if not ok:
            assert proc.returncode != 0, f"expected failure of {args}, got stdout:\n{proc.stdout}"
            return proc
        assert proc.returncode == 0, f"aws {' '.join(args)} exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
        out = proc.stdout.strip()
        return json.loads(out) if out.startswith(("{", "[")) else out

    return run


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def test_group_user_access_key_and_caller_identity(aws):
    group, user = unique("readers"), unique("dev")
    aws("iam", "create-group", "--group-name", group)
    created = aws("iam", "create-user", "--user-name", user)["User"]
    assert created["Arn"] == f"arn:aws:iam::{ACCOUNT}:user/{user}"
    aws("iam", "add-user-to-group", "--group-name", group, "--user-name", user)
    aws("iam", "attach-group-policy", "--group-name", group, "--policy-arn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
    attached = aws("iam", "list-attached-group-policies", "--group-name", group)["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["AmazonS3ReadOnlyAccess"]

    key = aws("iam", "create-access-key", "--user-name", user)["AccessKey"]
    assert key["AccessKeyId"].startswith("AKIA") and len(key["SecretAccessKey"]) == 40
    ident = aws("sts", "get-caller-identity", creds=key)
    assert ident["Arn"] == f"arn:aws:iam::{ACCOUNT}:user/{user}"
    assert ident["UserId"] == created["UserId"]
    last = aws("iam", "get-access-key-last-used", "--access-key-id", key["AccessKeyId"])["AccessKeyLastUsed"]
    assert last["ServiceName"] == "sts"

    # what the group's AmazonS3ReadOnlyAccess grants the user, as the policy simulator sees it
    sim = aws("iam", "simulate-principal-policy", "--policy-source-arn", created["Arn"],
              "--action-names", "s3:GetObject", "s3:ListBucket", "s3:PutObject",
              "--resource-arns", "arn:aws:s3:::seed-bucket/notes.txt")["EvaluationResults"]
    assert [(r["EvalActionName"], r["EvalDecision"]) for r in sim] == [
        ("s3:GetObject", "allowed"), ("s3:ListBucket", "allowed"), ("s3:PutObject", "implicitDeny")]
    assert sim[0]["MatchedStatements"][0]["SourcePolicyId"] == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"

    failed = aws("iam", "delete-user", "--user-name", user, ok=False)
    assert "DeleteConflict" in failed.stderr


def test_root_caller_identity(aws):
    ident = aws("sts", "get-caller-identity")
    assert ident == {"UserId": ACCOUNT, "Account": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:root"}


def test_assume_role_gives_the_assumed_role_arn(aws):
    role = unique("admin")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole"}]})
    aws("iam", "create-role", "--role-name", role, "--assume-role-policy-document", trust)
    got = aws("iam", "get-role", "--role-name", role)["Role"]
    assert got["AssumeRolePolicyDocument"]["Statement"][0]["Action"] == "sts:AssumeRole"  # the CLI decodes it
    aws("iam", "attach-role-policy", "--role-name", role, "--policy-arn", "arn:aws:iam::aws:policy/AdministratorAccess")

    assumed = aws("sts", "assume-role", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/{role}", "--role-session-name", "cli")
    assert assumed["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/cli"
    assert assumed["Credentials"]["AccessKeyId"].startswith("ASIA")
    ident = aws("sts", "get-caller-identity", creds=assumed["Credentials"])
    assert ident["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/cli"
    assert ident["UserId"] == f"{got['RoleId']}:cli"

    too_long = aws("sts", "assume-role", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/{role}", "--role-session-name", "cli",
                   "--duration-seconds", "7200", ok=False)
    assert "ValidationError" in too_long.stderr and "MaxSessionDuration" in too_long.stderr


def test_aws_managed_policies_are_listed(aws):
    names = [p["PolicyName"] for p in aws("iam", "list-policies", "--scope", "AWS", "--max-items", "2000")["Policies"]]
    assert {"AdministratorAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2FullAccess"} <= set(names)


def test_malformed_policy_is_refused(aws):
    failed = aws("iam", "create-policy", "--policy-name", unique("bad"), "--policy-document", "{\"Statement\": 1}", ok=False)
    assert "MalformedPolicyDocument" in failed.stderr
