#!/usr/bin/env python3
"""Extracts the model facts Cloudjar's codecs need and the SDK v2 classes lack.

Reads the AWS service models that botocore ships (service-2.json) and the class list of the AWS SDK for
Java v2 jars in ~/.m2, and writes one compact JSON resource per API, its operation table (<api>.operations,
read at start-up to check provider wiring) and an index (index.properties) to
emulator-core/src/main/resources/cloudjar/models/. The output is committed, so building Cloudjar needs
only a JDK and Maven; run this again only when the SDK or botocore version changes:

    python3 tools/modelgen/generate_models.py

What goes out (documentation strings are dropped):
  operations: HTTP method + URI, SDK input/output class, AWS-query result wrapper, success status,
              error codes, streaming payloads, S3 response root element
  shapes:     per SDK input class, required members, enum members and length/range/pattern constraints
  enums:      enum shape -> allowed values
  errors:     error code -> HTTP status and sender/receiver fault
"""
import glob
import gzip
import json
import os
import re
import sys
import zipfile

import botocore

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "emulator-core", "src", "main", "resources", "cloudjar", "models")
DATA = os.path.join(os.path.dirname(botocore.__file__), "data")
M2 = os.path.expanduser("~/.m2/repository/software/amazon/awssdk")

# api name -> (botocore service, SDK artifact, version property in pom.xml)
APIS = {
    "ec2": ("ec2", "ec2", "aws.sdk.version"),
    "iam": ("iam", "iam", "aws.sdk.version"),
    "sts": ("sts", "sts", "aws.sdk.version"),
    "s3": ("s3", "s3", "aws.sdk.version"),
    "rds": ("rds", "rds", "aws.sdk.rds.version"),
    "lightsail": ("lightsail", "lightsail", "aws.sdk.lightsail.version"),
    "s3control": ("s3control", "s3control", "aws.sdk.version"),
}

# How each API reports a request that breaks the model's constraints (missing member, bad enum, ...).
VALIDATION_ERRORS = {
    "ec2": "InvalidParameterValue",
    "iam": "ValidationError",
    "sts": "ValidationError",
    "rds": "InvalidParameterValue",
    "s3": "InvalidArgument",
    "lightsail": "InvalidInputException",
    "s3control": "InvalidRequest",
}

# botocore's S3 model has no XML root names for response bodies; AWS's Smithy model carries them as
# @xmlName on the output structures. These are those names (S3 API reference, "Response Syntax").
S3_OUTPUT_ROOTS = {
    "CompleteMultipartUpload": "CompleteMultipartUploadResult",
    "CreateMultipartUpload": "InitiateMultipartUploadResult",
    "CreateSession": "CreateSessionResult",
    "DeleteObjects": "DeleteResult",
    "GetBucketAccelerateConfiguration": "AccelerateConfiguration",
    "GetBucketAcl": "AccessControlPolicy",
    "GetBucketCors": "CORSConfiguration",
    "GetBucketLifecycle": "LifecycleConfiguration",
    "GetBucketLifecycleConfiguration": "LifecycleConfiguration",
    "GetBucketLocation": "LocationConstraint",
    "GetBucketLogging": "BucketLoggingStatus",
    "GetBucketNotification": "NotificationConfiguration",
    "GetBucketNotificationConfiguration": "NotificationConfiguration",
    "GetBucketRequestPayment": "RequestPaymentConfiguration",
    "GetBucketTagging": "Tagging",
    "GetBucketVersioning": "VersioningConfiguration",
    "GetBucketWebsite": "WebsiteConfiguration",
    "GetObjectAcl": "AccessControlPolicy",
    "GetObjectAttributes": "GetObjectAttributesResponse",
    "GetObjectTagging": "Tagging",
    "ListBucketAnalyticsConfigurations": "ListBucketAnalyticsConfigurationResult",
    "ListBucketIntelligentTieringConfigurations": "ListBucketIntelligentTieringConfigurationsOutput",
    "ListBucketInventoryConfigurations": "ListInventoryConfigurationsResult",
    "ListBucketMetricsConfigurations": "ListMetricsConfigurationsResult",
    "ListBuckets": "ListAllMyBucketsResult",
    "ListDirectoryBuckets": "ListAllMyDirectoryBucketsResult",
    "ListMultipartUploads": "ListMultipartUploadsResult",
    "ListObjectVersions": "ListVersionsResult",
    "ListObjects": "ListBucketResult",
    "ListObjectsV2": "ListBucketResult",
    "ListParts": "ListPartsResult",
}

# S3 Express (directory bucket) operations share plain S3's HTTP bindings; routing must prefer S3's own.
S3_LOWER_PRIORITY = {"ListDirectoryBuckets", "CreateSession"}


def pom_property(name):
    text = open(os.path.join(ROOT, "pom.xml"), encoding="utf-8").read()
    return re.search(r"<%s>([^<]+)</%s>" % (re.escape(name), re.escape(name)), text).group(1)


def load_model(service):
    versions = sorted(os.listdir(os.path.join(DATA, service)))
    for version in reversed(versions):
        path = os.path.join(DATA, service, version, "service-2.json.gz")
        if os.path.exists(path):
            with gzip.open(path) as f:
                return json.load(f)
    raise SystemExit("no model for " + service)


def sdk_classes(artifact, version, package):
    jar = os.path.join(M2, artifact, version, "%s-%s.jar" % (artifact, version))
    if not os.path.exists(jar):
        raise SystemExit("missing %s; run 'mvn -q dependency:resolve' in emulator-core first" % jar)
    prefix = package.replace(".", "/") + "/model/"
    names = {}
    with zipfile.ZipFile(jar) as z:
        for entry in z.namelist():
            if entry.startswith(prefix) and entry.endswith(".class") and "$" not in entry:
                simple = entry[len(prefix):-len(".class")]
                if "/" not in simple:
                    names[simple.lower()] = simple
    return names


def constraints(shape):
    out = {}
    for key in ("min", "max", "pattern"):
        if key in shape:
            out[key] = shape[key]
    return out


def generate(api):
    service, artifact, version_prop = APIS[api]
    model = load_model(service)
    meta = model["metadata"]
    package = "software.amazon.awssdk.services." + artifact
    classes = sdk_classes(artifact, pom_property(version_prop), package)
    shapes = model["shapes"]

    def sdk_class(name, required=True):
        found = classes.get(name.lower())
        if found is None and required:
            raise SystemExit("%s: no SDK class for %s" % (api, name))
        return found

    operations, input_shapes = {}, {}
    skipped = []
    for name, op in sorted(model["operations"].items()):
        http = op.get("http", {})
        if sdk_class(name + "Request", required=False) is None:
            skipped.append(name)  # deprecated or newer than the SDK: no typed class to decode into
            continue
        entry = {
            "method": http.get("method", "POST"),
            "uri": http.get("requestUri", "/"),
            "input": sdk_class(name + "Request"),
            "output": sdk_class(name + "Response"),
        }
        if "responseCode" in http:
            entry["status"] = http["responseCode"]
        out_shape = op.get("output", {})
        if "resultWrapper" in out_shape:
            entry["wrapper"] = out_shape["resultWrapper"]
        errors = [shapes[e["shape"]].get("error", {}).get("code", e["shape"]) for e in op.get("errors", [])]
        if errors:
            entry["errors"] = errors
        if op.get("authtype") == "none":
            entry["unsigned"] = True
        if api == "s3":
            if name in S3_OUTPUT_ROOTS:
                entry["root"] = S3_OUTPUT_ROOTS[name]
            if name in S3_LOWER_PRIORITY:
                entry["lowPriority"] = True
        in_name = op.get("input", {}).get("shape")
        if in_name and meta["protocol"] == "rest-xml":
            # Several S3 operations share one method and path (PutObject, UploadPart, CopyObject,
            # UploadPartCopy); the required query parameters and headers tell them apart.
            in_shape = shapes[in_name]
            for member in in_shape.get("required", []):
                ref = in_shape["members"][member]
                if ref.get("location") == "querystring":
                    entry.setdefault("requiredQuery", []).append(ref["locationName"])
                elif ref.get("location") == "header":
                    entry.setdefault("requiredHeaders", []).append(ref["locationName"].lower())
        if in_name:
            input_shapes[in_name] = entry["input"]
            payload = shapes[in_name].get("payload")
            if payload and shapes[in_name]["members"][payload].get("streaming") or (
                    payload and shapes[shapes[in_name]["members"][payload]["shape"]].get("streaming")):
                entry["streamingInput"] = True
        out_name = out_shape.get("shape")
        if out_name:
            payload = shapes[out_name].get("payload")
            if payload and (shapes[out_name]["members"][payload].get("streaming")
                            or shapes[shapes[out_name]["members"][payload]["shape"]].get("streaming")):
                entry["streamingOutput"] = True
        operations[name] = entry

    # Validation facts for every structure a request can carry.
    shape_facts, enums, seen = {}, {}, set()

    def visit(shape_name, sdk_name):
        if shape_name in seen:
            return
        seen.add(shape_name)
        shape = shapes[shape_name]
        facts = {}
        if shape.get("required"):
            facts["required"] = shape["required"]
        members = {}
        for member, ref in shape.get("members", {}).items():
            target = shapes[ref["shape"]]
            info = {}
            if "enum" in target:
                enums[ref["shape"]] = target["enum"]
                info["enum"] = ref["shape"]
            if target["type"] in ("string", "list", "map", "integer", "long", "blob"):
                info.update(constraints(target))
            if target["type"] == "structure":
                nested = sdk_class(ref["shape"], required=False)
                if nested:
                    visit(ref["shape"], nested)
            elif target["type"] == "list":
                item = shapes[target["member"]["shape"]]
                if item["type"] == "structure":
                    nested = sdk_class(target["member"]["shape"], required=False)
                    if nested:
                        visit(target["member"]["shape"], nested)
                elif "enum" in item:
                    enums[target["member"]["shape"]] = item["enum"]
                    info["itemEnum"] = target["member"]["shape"]
            elif target["type"] == "map":
                value = shapes[target["value"]["shape"]]
                if value["type"] == "structure":
                    nested = sdk_class(target["value"]["shape"], required=False)
                    if nested:
                        visit(target["value"]["shape"], nested)
            if info:
                members[member] = info
        if members:
            facts["members"] = members
        if facts:
            shape_facts[sdk_name] = facts

    for shape_name, sdk_name in sorted(input_shapes.items()):
        visit(shape_name, sdk_name)

    errors = {}
    for name, shape in sorted(shapes.items()):
        if not shape.get("exception"):
            continue
        err = shape.get("error", {})
        code = err.get("code", name)
        errors[code] = {
            "status": err.get("httpStatusCode", 500 if shape.get("fault") else 400),
            "sender": err.get("senderFault", not shape.get("fault", False)),
            "class": sdk_class(name, required=False),
        }

    metadata = {
        "api": api,
        "protocol": meta["protocol"],
        "apiVersion": meta["apiVersion"],
        "signingName": meta.get("signingName", meta["endpointPrefix"]),
        "endpointPrefix": meta["endpointPrefix"],
        "serviceId": meta["serviceId"],
        "sdkPackage": package,
        "validationError": VALIDATION_ERRORS[api],
    }
    for key in ("xmlNamespace", "targetPrefix", "jsonVersion", "globalEndpoint"):
        if key in meta:
            metadata[key] = meta[key]
    if "xmlNamespace" not in metadata:
        # REST-XML (S3) puts its namespace on payload members instead of the metadata
        for shape in shapes.values():
            for ref in shape.get("members", {}).values():
                if "uri" in ref.get("xmlNamespace", {}):
                    metadata["xmlNamespace"] = ref["xmlNamespace"]["uri"]
                    break
            if "xmlNamespace" in metadata:
                break
    if skipped:
        print("%s: no SDK class, left out: %s" % (api, ", ".join(skipped)))
    return metadata, {"metadata": metadata, "operations": operations, "shapes": shape_facts,
                      "enums": dict(sorted(enums.items())), "errors": errors}


def main():
    os.makedirs(OUT, exist_ok=True)
    index = {}
    for api in APIS:
        metadata, model = generate(api)
        index[api] = metadata
        with open(os.path.join(OUT, api + ".json"), "w", encoding="utf-8") as f:
            json.dump(model, f, indent=0, sort_keys=True, separators=(",", ":"))
            f.write("\n")
        # The operation table is read at start-up to check provider wiring: a properties file, no JSON library.
        with open(os.path.join(OUT, api + ".operations"), "w", encoding="utf-8") as f:
            f.write("# Generated by tools/modelgen/generate_models.py: "
                    "<Operation>=<SDK request class> <SDK response class>[ streaming]\n")
            for name in sorted(model["operations"]):
                op = model["operations"][name]
                f.write("%s=%s %s%s\n" % (name, op["input"], op["output"], " streaming" if op.get("streamingInput") else ""))
        print("%-10s %4d operations, %4d shapes, %4d enums, %3d errors" % (
            api, len(model["operations"]), len(model["shapes"]), len(model["enums"]), len(model["errors"])))
    # The index is read at start-up: a properties file needs no JSON library, which keeps start-up fast.
    with open(os.path.join(OUT, "index.properties"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/modelgen/generate_models.py: <api>.<fact>=<value>\n")
        for api in sorted(index):
            for key in sorted(index[api]):
                f.write("%s.%s=%s\n" % (api, key, index[api][key]))
    print("botocore", botocore.__version__, "->", OUT)


if __name__ == "__main__":
    sys.exit(main())
