#!/usr/bin/env python3
"""Writes the AWS managed policy catalogue that service-iam serves in every account.

AWS managed policies (arn:aws:iam::aws:policy/...) are AWS facts: their names, paths, default versions,
dates and documents. botocore does not carry them; the Python package moto does
(moto/iam/aws_managed_policies.py, refreshed from AWS by its maintainers). This script extracts that data
into a JSON resource, one policy per line so diffs stay readable, and the result is committed: a build
needs no Python. Regenerate after upgrading moto:

    python3 tools/iam/generate_aws_managed_policies.py
"""
import json
import pathlib

from moto import __version__ as moto_version
from moto.iam.aws_managed_policies import aws_managed_policies_data

OUT = pathlib.Path(__file__).resolve().parents[2] / "service-iam/src/main/resources/cloudjar/iam/aws-managed-policies.json"


def main():
    data = json.loads(aws_managed_policies_data)
    lines = []
    for name in sorted(data, key=str.lower):
        p = data[name]
        entry = {
            "name": name,
            "path": p["Path"],
            "defaultVersionId": p["DefaultVersionId"],
            "createDate": p["CreateDate"],
            "updateDate": p["UpdateDate"],
            "document": p["Document"],
        }
        lines.append(json.dumps(entry, separators=(",", ":"), sort_keys=False))
    header = json.dumps({"source": f"moto {moto_version} moto/iam/aws_managed_policies.py", "count": len(lines)})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text('{"about":' + header + ',"policies":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"wrote {len(lines)} policies to {OUT}")


if __name__ == "__main__":
    main()
