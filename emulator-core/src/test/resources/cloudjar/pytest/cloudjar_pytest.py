"""Fixtures every scripted-client test shares, loaded by PytestRunner as a pytest plugin (-p cloudjar_pytest):
an isolated aws CLI configuration pointed at Cloudjar, an `ec2` CLI runner, a Terraform project runner, and the
emulator `clock` (moved over HTTP instead of sleeping).

A test module picks the CLI's region with a module-level CLI_REGION (default us-east-1); fixtures a module
defines itself take precedence over these.
"""
import json
import os
import shutil
import socket
import subprocess
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
_resolve = socket.getaddrinfo


def _loopback_for_localhost(host, *args, **kwargs):
    if isinstance(host, str) and host.endswith(".localhost"):
        host = "127.0.0.1"
    return _resolve(host, *args, **kwargs)


def resolve_localhost_to_loopback():
    """*.localhost is loopback (RFC 6761), as systemd-resolved answers, but not every resolver knows it: S3 virtual
    hosts (<bucket>.localhost) and S3 Control (<account>.localhost) need it."""
    socket.getaddrinfo = _loopback_for_localhost


def clean_env():
    """The environment without the developer's own AWS settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}


@pytest.fixture(scope="module")
def cli_env(request, tmp_path_factory):
    region = getattr(request.module, "CLI_REGION", "us-east-1")
    home = tmp_path_factory.mktemp("aws-home")
    (home / "config").write_text(f"[default]\nregion = {region}\noutput = json\n")
    (home / "credentials").write_text("[default]\naws_access_key_id = test\naws_secret_access_key = test\n")
    env = clean_env()
    env.update(
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_DEFAULT_REGION=region,
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


@pytest.fixture
def lightsail(cli_env):
    """lightsail(*args) -> parsed JSON or None; lightsail(*args, error="Code") -> asserts the call fails with that code."""

    def run(*args, error=None):
        proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "lightsail", *args],
                              env=cli_env, capture_output=True, text=True, timeout=120)
        if error is not None:
            assert proc.returncode != 0, f"expected {error} from lightsail {' '.join(args)}, got:\n{proc.stdout}"
            assert f"({error})" in proc.stderr, proc.stderr
            return proc.stderr
        assert proc.returncode == 0, f"lightsail {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        out = proc.stdout.strip()
        return json.loads(out) if out else None

    return run


@pytest.fixture(scope="module")
def terraform_project(tmp_path_factory):
    """terraform_project(main_tf, **variables) -> run(*args, check=True): a working copy of main_tf, initialised
    with the offline AWS provider and TF_VAR_endpoint set to Cloudjar; skips when terraform cannot run here."""

    def make(main_tf, **variables):
        if shutil.which("terraform") is None:
            pytest.skip("terraform not installed")
        work = tmp_path_factory.mktemp("tf")
        shutil.copy(Path(main_tf), work / "main.tf")
        env = clean_env()
        env.update(TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1", TF_INPUT="0", TF_VAR_endpoint=ENDPOINT)
        env.update({f"TF_VAR_{name}": value for name, value in variables.items()})

        def run(*args, check=True):
            proc = subprocess.run(["terraform", *args, "-no-color"], cwd=work, env=env, capture_output=True, text=True,
                                  timeout=900)
            if check:
                assert proc.returncode == 0, f"terraform {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
            return proc

        init = run("init", "-input=false", check=False)
        if init.returncode != 0:
            pytest.skip("the AWS provider cannot be installed offline (set TF_CLI_CONFIG_FILE):\n" + init.stderr[-2000:])
        run.workdir = work
        return run

    return make


class EmulatorClock:
    """The emulator clock through /_cloudjar/clock: now() reads it, advance(seconds) moves it forward, so a
    transition (an instance booting, a snapshot completing) has happened at the next call, without sleeping."""

    def __init__(self, endpoint):
        self.url = endpoint + "/_cloudjar/clock"

    def _call(self, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url, data=data, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)

    def now(self):
        """The emulator's time as an aware datetime (UTC)."""
        return datetime.fromisoformat(self._call()["now"].replace("Z", "+00:00"))

    def advance(self, seconds):
        return self._call({"advanceSeconds": seconds})


@pytest.fixture(scope="session")
def clock():
    return EmulatorClock(ENDPOINT)
