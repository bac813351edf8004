"""The AWS CLI against Cloudjar's S3: high-level `aws s3` commands and `aws s3api` versioning and multipart,
each in path style and in virtual-host style.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_s3_cli.py
(S3ScriptedClientsTest runs this against an in-process server during `mvn test`.)
"""
import json
import os
import subprocess
import uuid

import pytest

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")


# Loaded by the aws process (a Python program) through PYTHONPATH: *.localhost is loopback (RFC 6761), as
# systemd-resolved answers, but not every resolver knows it. Each name looked up is logged, so a test can
# tell that the CLI really addressed a bucket by host name.
SITECUSTOMIZE = """
import os, socket
_resolve = socket.getaddrinfo
def _loopback_for_localhost(host, *args, **kwargs):
    if isinstance(host, str) and host.endswith(".localhost"):
        with open(os.environ["CLOUDJAR_RESOLVED_LOG"], "a") as log:
            log.write(host + "\\n")
        host = "127.0.0.1"
    return _resolve(host, *args, **kwargs)
socket.getaddrinfo = _loopback_for_localhost
"""


@pytest.fixture(scope="module", params=["path", "virtual"])
def cli_env(request, tmp_path_factory):
    home = tmp_path_factory.mktemp(f"aws-home-{request.param}")
    (home / "config").write_text("[default]\nregion = us-east-1\noutput = json\n"
                                 "s3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n"
                                 f"  addressing_style = {request.param}\n")
    (home / "sitecustomize.py").write_text(SITECUSTOMIZE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
               AWS_CONFIG_FILE=str(home / "config"), AWS_SHARED_CREDENTIALS_FILE=str(home / "none"),
               AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="",
               PYTHONPATH=os.pathsep.join(filter(None, [str(home), os.environ.get("PYTHONPATH")])),
               CLOUDJAR_RESOLVED_LOG=str(home / "resolved.log"))
    # botocore addresses buckets virtual-host style only on host names, so the virtual run uses localhost
    endpoint = ENDPOINT if request.param == "path" else ENDPOINT.replace("127.0.0.1", "localhost")
    return {"env": env, "endpoint": endpoint, "style": request.param, "resolved": home / "resolved.log"}


@pytest.fixture
def aws(cli_env):
    """aws(*args) -> parsed JSON or stdout; aws(*args, ok=False) -> CompletedProcess of a failing call."""

    def run(*args, ok=True):
        proc = subprocess.run(["aws", "--endpoint-url", cli_env["endpoint"], *args], env=cli_env["env"], capture_output=True,
                              text=True, timeout=300)
        if not ok:
            assert proc.returncode != 0, f"expected failure of {args}:\n{proc.stdout}"
            return proc
        assert proc.returncode == 0, f"aws {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        out = proc.stdout.strip()
        return json.loads(out) if out.startswith("{") or out.startswith("[") else out

    return run


def assert_addressed(cli_env, bucket):
    """The virtual run reached the bucket through its own host name, never through the path."""
    resolved = cli_env["resolved"].read_text().split() if cli_env["resolved"].exists() else []
    if cli_env["style"] == "virtual":
        assert f"{bucket}.localhost" in resolved, resolved
    else:
        assert f"{bucket}.localhost" not in resolved


def bucket_name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def make_tree(root):
    files = {
        "index.html": b"<h1>home</h1>",
        "assets/css/site.css": b"body{}",
        "assets/js/app.js": b"console.log(1)",
        "docs/a/b/c/deep.txt": b"deep",
        "docs/space name.txt": b"spaces",
        "big/blob.bin": os.urandom(12 * 1024 * 1024),  # above the 5 MB threshold: multipart
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def test_sync_tree_with_nested_prefixes_both_ways(aws, cli_env, tmp_path):
    bucket = bucket_name("cli-sync")
    src = tmp_path / "src"
    files = make_tree(src)
    aws("s3", "mb", f"s3://{bucket}")
    aws("s3", "sync", str(src), f"s3://{bucket}/site")
    listed = aws("s3api", "list-objects-v2", "--bucket", bucket)
    assert sorted(o["Key"] for o in listed["Contents"]) == sorted(f"site/{k}" for k in files)
    big = aws("s3api", "head-object", "--bucket", bucket, "--key", "site/big/blob.bin")
    assert big["ETag"].endswith('-3"')  # 12 MB in 5 MB parts

    # a second sync uploads nothing new; a changed file and a deletion are mirrored with --delete
    assert aws("s3", "sync", str(src), f"s3://{bucket}/site") == ""
    (src / "index.html").write_bytes(b"<h1>changed home</h1>")
    (src / "assets/js/app.js").unlink()
    out = aws("s3", "sync", str(src), f"s3://{bucket}/site", "--delete")
    assert "upload:" in out and "delete:" in out
    keys = [o["Key"] for o in aws("s3api", "list-objects-v2", "--bucket", bucket)["Contents"]]
    assert "site/assets/js/app.js" not in keys

    dst = tmp_path / "dst"
    aws("s3", "sync", f"s3://{bucket}/site", str(dst))
    assert (dst / "index.html").read_bytes() == b"<h1>changed home</h1>"
    assert (dst / "big/blob.bin").read_bytes() == files["big/blob.bin"]
    assert (dst / "docs/space name.txt").read_bytes() == b"spaces"

    listing = aws("s3", "ls", f"s3://{bucket}/site/docs/")
    assert "PRE a/" in listing and "space name.txt" in listing
    recursive = aws("s3", "ls", f"s3://{bucket}/site/", "--recursive")
    assert sorted(line.split(maxsplit=3)[3] for line in recursive.splitlines()) == sorted(
        f"site/{k}" for k in files if k != "assets/js/app.js")
    aws("s3", "mv", f"s3://{bucket}/site/index.html", f"s3://{bucket}/moved/index.html")
    aws("s3", "cp", f"s3://{bucket}/site/docs", f"s3://{bucket}/copied", "--recursive")
    assert len(aws("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "copied/")["Contents"]) == 2
    aws("s3", "mv", f"s3://{bucket}/copied", f"s3://{bucket}/archive/copied", "--recursive")
    keys = [o["Key"] for o in aws("s3api", "list-objects-v2", "--bucket", bucket)["Contents"]]
    assert not [k for k in keys if k.startswith("copied/")]
    assert sorted(k for k in keys if k.startswith("archive/")) == ["archive/copied/a/b/c/deep.txt", "archive/copied/space name.txt"]
    aws("s3", "rm", f"s3://{bucket}/site", "--recursive")
    assert not [k for k in (o["Key"] for o in aws("s3api", "list-objects-v2", "--bucket", bucket)["Contents"])
                if k.startswith("site/")]
    assert "BucketNotEmpty" in aws("s3", "rb", f"s3://{bucket}", ok=False).stderr
    aws("s3", "rb", f"s3://{bucket}", "--force")
    assert bucket not in aws("s3", "ls")
    assert_addressed(cli_env, bucket)


def test_cp_single_files_up_and_down(aws, cli_env, tmp_path):
    bucket = bucket_name("cli-cp")
    aws("s3", "mb", f"s3://{bucket}")
    small = tmp_path / "note.txt"
    small.write_text("a note")
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(11 * 1024 * 1024))  # above the 5 MB threshold: uploaded and downloaded in parts
    aws("s3", "cp", str(small), f"s3://{bucket}/notes/", "--content-type", "text/plain", "--metadata", "origin=cli")
    aws("s3", "cp", str(big), f"s3://{bucket}/blobs/big.bin")
    head = aws("s3api", "head-object", "--bucket", bucket, "--key", "notes/note.txt")
    assert head["ContentType"] == "text/plain" and head["Metadata"] == {"origin": "cli"}
    assert aws("s3api", "head-object", "--bucket", bucket, "--key", "blobs/big.bin")["ETag"].endswith('-3"')
    back = tmp_path / "back"
    aws("s3", "cp", f"s3://{bucket}/notes/note.txt", str(back / "note.txt"))
    aws("s3", "cp", f"s3://{bucket}/blobs/big.bin", str(back / "big.bin"))
    assert (back / "note.txt").read_text() == "a note"
    assert (back / "big.bin").read_bytes() == big.read_bytes()
    aws("s3", "cp", f"s3://{bucket}", str(tmp_path / "all"), "--recursive")
    assert (tmp_path / "all" / "notes" / "note.txt").read_text() == "a note"
    missing = aws("s3", "cp", f"s3://{bucket}/nope.txt", str(tmp_path / "nope.txt"), ok=False)
    assert "404" in missing.stderr
    aws("s3", "rb", f"s3://{bucket}", "--force")
    assert_addressed(cli_env, bucket)


def test_s3api_versioning(aws, cli_env, tmp_path):
    bucket = bucket_name("cli-versions")
    aws("s3api", "create-bucket", "--bucket", bucket)
    aws("s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Enabled")
    assert aws("s3api", "get-bucket-versioning", "--bucket", bucket)["Status"] == "Enabled"
    body = tmp_path / "v.txt"
    ids = []
    for text in ("one", "two"):
        body.write_text(text)
        ids.append(aws("s3api", "put-object", "--bucket", bucket, "--key", "doc", "--body", str(body))["VersionId"])
    marker = aws("s3api", "delete-object", "--bucket", bucket, "--key", "doc")
    assert marker["DeleteMarker"] is True
    versions = aws("s3api", "list-object-versions", "--bucket", bucket)
    assert [v["VersionId"] for v in versions["Versions"]] == list(reversed(ids))
    assert versions["DeleteMarkers"][0]["IsLatest"] is True
    out = tmp_path / "out.txt"
    aws("s3api", "get-object", "--bucket", bucket, "--key", "doc", "--version-id", ids[0], str(out))
    assert out.read_text() == "one"
    failed = aws("s3api", "get-object", "--bucket", bucket, "--key", "doc", str(out), ok=False)
    assert "NoSuchKey" in failed.stderr
    aws("s3api", "delete-object", "--bucket", bucket, "--key", "doc", "--version-id", marker["VersionId"])
    aws("s3api", "get-object", "--bucket", bucket, "--key", "doc", str(out))
    assert out.read_text() == "two"
    assert_addressed(cli_env, bucket)


def test_s3api_multipart(aws, cli_env, tmp_path):
    bucket = bucket_name("cli-mpu")
    aws("s3api", "create-bucket", "--bucket", bucket)
    upload_id = aws("s3api", "create-multipart-upload", "--bucket", bucket, "--key", "joined.bin")["UploadId"]
    parts = []
    chunks = [os.urandom(5 * 1024 * 1024), os.urandom(1000)]
    for number, chunk in enumerate(chunks, start=1):
        path = tmp_path / f"part{number}"
        path.write_bytes(chunk)
        etag = aws("s3api", "upload-part", "--bucket", bucket, "--key", "joined.bin", "--upload-id", upload_id,
                   "--part-number", str(number), "--body", str(path))["ETag"]
        parts.append({"PartNumber": number, "ETag": etag})
    listed = aws("s3api", "list-parts", "--bucket", bucket, "--key", "joined.bin", "--upload-id", upload_id)
    assert [p["Size"] for p in listed["Parts"]] == [len(c) for c in chunks]
    uploads = aws("s3api", "list-multipart-uploads", "--bucket", bucket)
    assert [u["UploadId"] for u in uploads["Uploads"]] == [upload_id]
    done = aws("s3api", "complete-multipart-upload", "--bucket", bucket, "--key", "joined.bin", "--upload-id", upload_id,
               "--multipart-upload", json.dumps({"Parts": parts}))
    assert done["ETag"].endswith('-2"')
    out = tmp_path / "joined.out"
    aws("s3api", "get-object", "--bucket", bucket, "--key", "joined.bin", str(out))
    assert out.read_bytes() == b"".join(chunks)
    aborted = aws("s3api", "create-multipart-upload", "--bucket", bucket, "--key", "gone")["UploadId"]
    aws("s3api", "abort-multipart-upload", "--bucket", bucket, "--key", "gone", "--upload-id", aborted)
    failed = aws("s3api", "list-parts", "--bucket", bucket, "--key", "gone", "--upload-id", aborted, ok=False)
    assert "NoSuchUpload" in failed.stderr
    assert_addressed(cli_env, bucket)
