"""Shared fixtures of the EC2 seed-flow scripts: an isolated aws CLI configuration pointed at Cloudjar."""
import json
import os
import subprocess

import pytest

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
REGION = "ap-northeast-2"  # Seoul, where the learner's notes launch their instance


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("aws-home")
    (home / "config").write_text(f"[default]\nregion = {REGION}\noutput = json\n")
    (home / "credentials").write_text("[default]\naws_access_key_id = test\naws_secret_access_key = test\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_CONFIG_FILE=str(home / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(home / "credentials"),
        AWS_EC2_METADATA_DISABLED="true",
        AWS_PAGER="",
    )
    return env


@pytest.fixture
def ec2(cli_env):
    """ec2(*args) -> parsed JSON, text or None; ec2(*args, error="Code") -> asserts the call fails with that code."""

    def run(*args, error=None):
        proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "ec2", *args],
                              env=cli_env, capture_output=True, text=True, timeout=300)
        if error is not None:
            assert proc.returncode != 0, f"expected {error} from ec2 {' '.join(args)}, got:\n{proc.stdout}"
            assert f"({error})" in proc.stderr, proc.stderr
            return proc.stderr
        assert proc.returncode == 0, f"ec2 {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        out = proc.stdout.strip()
        if not out:
            return None
        return json.loads(out) if out.startswith(("{", "[")) else out

    return run
