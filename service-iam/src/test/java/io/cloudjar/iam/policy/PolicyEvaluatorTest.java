package io.cloudjar.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.iam.policy.EvaluationResult.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator as a table: (policies, request) → decision and the reason. Each row names the AWS rule it
 * checks; the policies are written as statements {@code Effect|Action|Resource[|Condition JSON]}.
 */
class PolicyEvaluatorTest {
    static final String ACCOUNT = "111122223333";
    static final Caller ALICE = Caller.user(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/alice");
    static final Caller ROOT = Caller.root(ACCOUNT);
    static final Caller SESSION = Caller.roleSession(ACCOUNT, "arn:aws:sts::" + ACCOUNT + ":assumed-role/app/s1",
            "arn:aws:iam::" + ACCOUNT + ":role/app");
    static final Caller STRANGER = Caller.user("999988887777", "arn:aws:iam::999988887777:user/eve");

    /** One row of the table. */
    record Row(String rule, PolicySet policies, RequestFacts request, Decision expected, String reason) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Arguments> table() {
        List<Row> rows = new ArrayList<>();
        // --- basic allow and deny
        rows.add(row("no policy: implicit deny", identity(), req("s3:GetObject", "arn:aws:s3:::b/k"),
                Decision.IMPLICIT_DENY, "no statement allows"));
        rows.add(row("matching allow", identity(doc("Allow|s3:GetObject|arn:aws:s3:::b/*")),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.ALLOWED, "allowed by statement #1"));
        rows.add(row("explicit deny wins over allow", identity(doc("Allow|s3:*|*"), doc("Deny|s3:DeleteObject|*")),
                req("s3:DeleteObject", "arn:aws:s3:::b/k"), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("actions match regardless of case", identity(doc("Allow|S3:getobject|*")),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.ALLOWED, "allowed"));
        rows.add(row("resources match case-sensitively", identity(doc("Allow|s3:GetObject|arn:aws:s3:::B/*")),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("? matches exactly one character", identity(doc("Allow|ec2:Describe?pcs|*")),
                req("ec2:DescribeVpcs", "*"), Decision.ALLOWED, "allowed"));
        rows.add(row("? does not match two characters", identity(doc("Allow|ec2:Describe?cs|*")),
                req("ec2:DescribeVpcs", "*"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("NotAction allows everything else", identity(doc("Allow|!iam:*|*")),
                req("s3:ListBucket", "arn:aws:s3:::b"), Decision.ALLOWED, "allowed"));
        rows.add(row("NotAction excludes the listed action", identity(doc("Allow|!iam:*|*")),
                req("iam:CreateUser", "*"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("NotResource excludes the listed resource", identity(doc("Deny|s3:*|!arn:aws:s3:::safe/*")),
                req("s3:GetObject", "arn:aws:s3:::other/k"), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("NotResource leaves the listed resource alone",
                identity(doc("Allow|s3:*|*"), doc("Deny|s3:*|!arn:aws:s3:::safe/*")),
                req("s3:GetObject", "arn:aws:s3:::safe/k"), Decision.ALLOWED, "allowed"));
        // --- policy variables
        rows.add(row("${aws:username} resolves to the caller", identity(doc("Allow|s3:*|arn:aws:s3:::home/${aws:username}/*")),
                req("s3:PutObject", "arn:aws:s3:::home/alice/f", "aws:username", "alice"), Decision.ALLOWED, "allowed"));
        rows.add(row("${aws:username} of another user does not match", identity(doc("Allow|s3:*|arn:aws:s3:::home/${aws:username}/*")),
                req("s3:PutObject", "arn:aws:s3:::home/bob/f", "aws:username", "alice"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("unresolvable variable never matches", identity(doc("Allow|s3:*|arn:aws:s3:::home/${aws:username}/*")),
                req("s3:PutObject", "arn:aws:s3:::home/alice/f"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("variable default applies when the key is missing",
                identity(doc("Allow|s3:*|arn:aws:s3:::home/${aws:username, 'guest'}/*")),
                req("s3:PutObject", "arn:aws:s3:::home/guest/f"), Decision.ALLOWED, "allowed"));
        rows.add(row("${aws:PrincipalTag/team} in a condition",
                identity(doc("Allow|s3:*|*|{\"StringEquals\":{\"s3:prefix\":\"${aws:PrincipalTag/team}\"}}")),
                req("s3:ListBucket", "arn:aws:s3:::b", "aws:PrincipalTag/team", "blue", "s3:prefix", "blue"),
                Decision.ALLOWED, "allowed"));
        rows.add(row("${aws:userid} is substituted", identity(doc("Allow|s3:*|arn:aws:s3:::b/${aws:userid}")),
                req("s3:GetObject", "arn:aws:s3:::b/AIDAX", "aws:userid", "AIDAX"), Decision.ALLOWED, "allowed"));
        // --- condition operators and global keys
        rows.add(row("StringEquals on aws:RequestedRegion",
                identity(doc("Allow|ec2:*|*|{\"StringEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}")),
                req("ec2:RunInstances", "*", "aws:RequestedRegion", "eu-central-1"), Decision.ALLOWED, "allowed"));
        rows.add(row("StringNotEquals holds when the key is missing",
                identity(doc("Allow|s3:*|*"), doc("Deny|s3:*|*|{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"" + ACCOUNT + "\"}}")),
                req("s3:GetObject", "*"), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("StringNotEquals with several values is a NOR",
                identity(doc("Allow|s3:*|*|{\"StringNotEquals\":{\"aws:PrincipalTag/role\":[\"audit\",\"security\"]}}")),
                req("s3:GetObject", "*", "aws:PrincipalTag/role", "audit"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("StringEqualsIgnoreCase", identity(doc("Allow|s3:*|*|{\"StringEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}")),
                req("s3:GetObject", "*", "aws:username", "alice"), Decision.ALLOWED, "allowed"));
        rows.add(row("StringLike with wildcards", identity(doc("Allow|s3:ListBucket|*|{\"StringLike\":{\"s3:prefix\":\"home/*\"}}")),
                req("s3:ListBucket", "*", "s3:prefix", "home/alice"), Decision.ALLOWED, "allowed"));
        rows.add(row("StringNotLike", identity(doc("Allow|s3:*|*|{\"StringNotLike\":{\"s3:prefix\":\"secret*\"}}")),
                req("s3:ListBucket", "*", "s3:prefix", "secrets"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("NumericLessThanEquals on aws:MultiFactorAuthAge",
                identity(doc("Allow|iam:*|*|{\"NumericLessThanEquals\":{\"aws:MultiFactorAuthAge\":\"3600\"}}")),
                req("iam:CreateUser", "*", "aws:MultiFactorAuthAge", "120"), Decision.ALLOWED, "allowed"));
        rows.add(row("NumericGreaterThan fails on a non-number",
                identity(doc("Allow|iam:*|*|{\"NumericGreaterThan\":{\"aws:MultiFactorAuthAge\":\"1\"}}")),
                req("iam:CreateUser", "*", "aws:MultiFactorAuthAge", "abc"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("NumericEquals and NumericNotEquals",
                identity(doc("Allow|s3:*|*|{\"NumericEquals\":{\"s3:max-keys\":\"10\"},\"NumericNotEquals\":{\"s3:x\":\"5\"}}")),
                req("s3:ListBucket", "*", "s3:max-keys", "10.0", "s3:x", "6"), Decision.ALLOWED, "allowed"));
        rows.add(row("DateLessThan on aws:CurrentTime",
                identity(doc("Allow|s3:*|*|{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}")),
                req("s3:GetObject", "*", "aws:CurrentTime", "2026-06-01T12:00:00Z"), Decision.ALLOWED, "allowed"));
        rows.add(row("DateGreaterThan on aws:EpochTime in seconds",
                identity(doc("Allow|s3:*|*|{\"DateGreaterThan\":{\"aws:EpochTime\":\"2020-01-01T00:00:00Z\"}}")),
                req("s3:GetObject", "*", "aws:EpochTime", "1500000000"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("DateEquals, DateNotEquals, DateLessThanEquals, DateGreaterThanEquals",
                identity(doc("Allow|s3:*|*|{\"DateEquals\":{\"k:a\":\"2024-01-01\"},\"DateNotEquals\":{\"k:b\":\"2024-01-01\"},"
                        + "\"DateLessThanEquals\":{\"k:c\":\"2024-01-01T00:00:00Z\"},\"DateGreaterThanEquals\":{\"k:d\":\"2024-01-01T00:00:00Z\"}}")),
                req("s3:GetObject", "*", "k:a", "2024-01-01T00:00:00Z", "k:b", "2024-02-01T00:00:00Z",
                        "k:c", "2024-01-01T00:00:00Z", "k:d", "2024-01-01T00:00:00Z"), Decision.ALLOWED, "allowed"));
        rows.add(row("Bool on aws:SecureTransport denies plain HTTP",
                identity(doc("Allow|s3:*|*"), doc("Deny|s3:*|*|{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")),
                req("s3:GetObject", "*", "aws:SecureTransport", "false"), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("Bool on aws:MultiFactorAuthPresent requires MFA",
                identity(doc("Allow|ec2:StopInstances|*|{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")),
                req("ec2:StopInstances", "*", "aws:MultiFactorAuthPresent", "false"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("BoolIfExists holds when the key is missing",
                identity(doc("Allow|ec2:*|*|{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")),
                req("ec2:StopInstances", "*"), Decision.ALLOWED, "allowed"));
        rows.add(row("Bool without IfExists fails when the key is missing",
                identity(doc("Allow|ec2:*|*|{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")),
                req("ec2:StopInstances", "*"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("BinaryEquals compares the Base64 text",
                identity(doc("Allow|s3:*|*|{\"BinaryEquals\":{\"k:bin\":\"QmluYXJ5\"}}")),
                req("s3:GetObject", "*", "k:bin", "QmluYXJ5"), Decision.ALLOWED, "allowed"));
        rows.add(row("IpAddress matches a CIDR", identity(doc("Allow|s3:*|*|{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}")),
                req("s3:GetObject", "*", "aws:SourceIp", "203.0.113.77"), Decision.ALLOWED, "allowed"));
        rows.add(row("IpAddress with IPv6", identity(doc("Allow|s3:*|*|{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/32\"}}")),
                req("s3:GetObject", "*", "aws:SourceIp", "2001:db8::1"), Decision.ALLOWED, "allowed"));
        rows.add(row("NotIpAddress denies outside the range",
                identity(doc("Allow|s3:*|*"), doc("Deny|s3:*|*|{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"127.0.0.1\"]}}")),
                req("s3:GetObject", "*", "aws:SourceIp", "198.51.100.1"), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("NotIpAddress spares addresses inside",
                identity(doc("Allow|s3:*|*"), doc("Deny|s3:*|*|{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"127.0.0.1\"]}}")),
                req("s3:GetObject", "*", "aws:SourceIp", "127.0.0.1"), Decision.ALLOWED, "allowed"));
        rows.add(row("ArnLike on aws:PrincipalArn with wildcards",
                identity(doc("Allow|s3:*|*|{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/a*\"}}")),
                req("s3:GetObject", "*", "aws:PrincipalArn", ALICE.arn()), Decision.ALLOWED, "allowed"));
        rows.add(row("ArnEquals, ArnNotEquals, ArnNotLike",
                identity(doc("Allow|s3:*|*|{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:1:t\"},"
                        + "\"ArnNotEquals\":{\"k:a\":\"arn:aws:sns:us-east-1:1:x\"},\"ArnNotLike\":{\"k:b\":\"arn:aws:sqs:*\"}}")),
                req("s3:GetObject", "*", "aws:SourceArn", "arn:aws:sns:us-east-1:1:t", "k:a", "arn:aws:sns:us-east-1:1:t",
                        "k:b", "arn:aws:sns:us-east-1:1:t"), Decision.ALLOWED, "allowed"));
        rows.add(row("Null true requires the key to be absent",
                identity(doc("Allow|ec2:*|*|{\"Null\":{\"aws:RequestTag/owner\":\"true\"}}")),
                req("ec2:RunInstances", "*"), Decision.ALLOWED, "allowed"));
        rows.add(row("Null false requires the key to be present",
                identity(doc("Allow|ec2:*|*|{\"Null\":{\"aws:RequestTag/owner\":\"false\"}}")),
                req("ec2:RunInstances", "*"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("aws:RequestTag/ and aws:ResourceTag/ keys",
                identity(doc("Allow|ec2:*|*|{\"StringEquals\":{\"aws:RequestTag/env\":\"dev\",\"aws:ResourceTag/env\":\"dev\"}}")),
                req("ec2:CreateTags", "*", "aws:RequestTag/env", "dev", "aws:ResourceTag/env", "dev"), Decision.ALLOWED, "allowed"));
        rows.add(row("ForAllValues: every aws:TagKeys value allowed",
                identity(doc("Allow|ec2:*|*|{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"env\",\"owner\"]}}")),
                reqMulti("ec2:CreateTags", "aws:TagKeys", "env", "owner"), Decision.ALLOWED, "allowed"));
        rows.add(row("ForAllValues: one aws:TagKeys value outside fails",
                identity(doc("Allow|ec2:*|*|{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"env\"]}}")),
                reqMulti("ec2:CreateTags", "aws:TagKeys", "env", "cost"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("ForAllValues holds for a missing key",
                identity(doc("Allow|ec2:*|*|{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"env\"]}}")),
                req("ec2:CreateTags", "*"), Decision.ALLOWED, "allowed"));
        rows.add(row("ForAnyValue: one matching value suffices",
                identity(doc("Allow|ec2:*|*|{\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"cost*\"]}}")),
                reqMulti("ec2:CreateTags", "aws:TagKeys", "env", "costcenter"), Decision.ALLOWED, "allowed"));
        rows.add(row("ForAnyValue fails for a missing key",
                identity(doc("Allow|ec2:*|*|{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"env\"]}}")),
                req("ec2:CreateTags", "*"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("StringEqualsIfExists holds for a missing key",
                identity(doc("Allow|ec2:*|*|{\"StringEqualsIfExists\":{\"ec2:InstanceType\":\"t3.micro\"}}")),
                req("ec2:RunInstances", "*"), Decision.ALLOWED, "allowed"));
        rows.add(row("context key names compare regardless of case",
                identity(doc("Allow|s3:*|*|{\"StringEquals\":{\"AWS:USERNAME\":\"alice\"}}")),
                req("s3:GetObject", "*", "aws:username", "alice"), Decision.ALLOWED, "allowed"));
        rows.add(row("aws:userid, aws:PrincipalAccount and aws:PrincipalArn in one condition",
                identity(doc("Allow|s3:*|*|{\"StringEquals\":{\"aws:userid\":\"AIDAX\",\"aws:PrincipalAccount\":\"" + ACCOUNT
                        + "\"},\"ArnEquals\":{\"aws:PrincipalArn\":\"" + ALICE.arn() + "\"}}")),
                req("s3:GetObject", "*", "aws:userid", "AIDAX", "aws:PrincipalAccount", ACCOUNT, "aws:PrincipalArn", ALICE.arn()),
                Decision.ALLOWED, "allowed"));
        rows.add(row("StringNotEqualsIgnoreCase", identity(doc("Allow|s3:*|*|{\"StringNotEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}")),
                req("s3:GetObject", "*", "aws:username", "alice"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("NumericLessThan on aws:EpochTime",
                identity(doc("Allow|s3:*|*|{\"NumericLessThan\":{\"aws:EpochTime\":\"1900000000\"}}")),
                req("s3:GetObject", "*", "aws:EpochTime", "1800000000"), Decision.ALLOWED, "allowed"));
        rows.add(row("NumericLessThan is strict", identity(doc("Allow|s3:*|*|{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}")),
                req("s3:ListBucket", "*", "s3:max-keys", "10"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("NumericGreaterThanEquals holds at the bound",
                identity(doc("Allow|s3:*|*|{\"NumericGreaterThanEquals\":{\"s3:max-keys\":\"10\"}}")),
                req("s3:ListBucket", "*", "s3:max-keys", "10"), Decision.ALLOWED, "allowed"));
        rows.add(row("NumericGreaterThan holds above the bound",
                identity(doc("Allow|s3:*|*|{\"NumericGreaterThan\":{\"s3:max-keys\":\"10\"}}")),
                req("s3:ListBucket", "*", "s3:max-keys", "11"), Decision.ALLOWED, "allowed"));
        rows.add(row("aws:MultiFactorAuthAge missing: a numeric condition fails (long-term keys)",
                identity(doc("Allow|iam:*|*|{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}")),
                req("iam:CreateUser", "*"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("IfExists still applies the test when the key is present",
                identity(doc("Allow|ec2:*|*|{\"StringEqualsIfExists\":{\"ec2:InstanceType\":\"t3.micro\"}}")),
                req("ec2:RunInstances", "*", "ec2:InstanceType", "m5.large"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("deny unless MFA: BoolIfExists false denies long-term keys, which lack the key",
                identity(doc("Allow|ec2:*|*"), doc("Deny|ec2:*|*|{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}")),
                req("ec2:StopInstances", "*"), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("deny unless MFA spares an MFA session",
                identity(doc("Allow|ec2:*|*"), doc("Deny|ec2:*|*|{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}")),
                req("ec2:StopInstances", "*", "aws:MultiFactorAuthPresent", "true"), Decision.ALLOWED, "allowed"));
        rows.add(row("several keys in one operator must all hold (AND)",
                identity(doc("Allow|s3:*|*|{\"StringEquals\":{\"aws:username\":\"alice\",\"aws:RequestedRegion\":\"eu-west-1\"}}")),
                req("s3:GetObject", "*", "aws:username", "alice", "aws:RequestedRegion", "us-east-1"), Decision.IMPLICIT_DENY,
                "no statement"));
        rows.add(row("ForAllValues with a negated operator: no request value may be listed",
                identity(doc("Allow|ec2:*|*|{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"owner\"]}}")),
                reqMulti("ec2:CreateTags", "aws:TagKeys", "env", "owner"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("ForAnyValue with a negated operator: one unlisted value suffices",
                identity(doc("Allow|ec2:*|*|{\"ForAnyValue:StringNotEquals\":{\"aws:TagKeys\":[\"owner\"]}}")),
                reqMulti("ec2:CreateTags", "aws:TagKeys", "env", "owner"), Decision.ALLOWED, "allowed"));
        rows.add(row("aws:PrincipalTag/ as a condition key",
                identity(doc("Allow|s3:*|*|{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}")),
                req("s3:GetObject", "*", "aws:PrincipalTag/team", "red"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("ABAC: aws:ResourceTag/ must equal ${aws:PrincipalTag/}",
                identity(doc("Allow|ec2:StartInstances|*|{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}")),
                req("ec2:StartInstances", "*", "aws:ResourceTag/team", "blue", "aws:PrincipalTag/team", "blue"),
                Decision.ALLOWED, "allowed"));
        rows.add(row("ABAC: another team's resource is not allowed",
                identity(doc("Allow|ec2:StartInstances|*|{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}")),
                req("ec2:StartInstances", "*", "aws:ResourceTag/team", "red", "aws:PrincipalTag/team", "blue"),
                Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("${*} is a literal asterisk, not a wildcard",
                identity(doc("Allow|s3:*|arn:aws:s3:::b/${*}")),
                req("s3:GetObject", "arn:aws:s3:::b/anything"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("${*} matches an asterisk in the value",
                identity(doc("Allow|s3:ListBucket|*|{\"StringLike\":{\"s3:prefix\":\"logs/${*}\"}}")),
                req("s3:ListBucket", "*", "s3:prefix", "logs/*"), Decision.ALLOWED, "allowed"));
        rows.add(row("a 2008-10-17 document leaves ${…} unsubstituted",
                identity("{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.ALLOWED, "allowed"));
        rows.add(row("a wildcard spans the rest of a resource ARN", identity(doc("Allow|ec2:*|arn:aws:ec2:*:" + ACCOUNT + ":instance/*")),
                req("ec2:StopInstances", "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":instance/i-0abc"), Decision.ALLOWED, "allowed"));
        // --- permissions boundaries and session policies
        rows.add(row("boundary limits an identity allow",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), List.of(src(doc("Allow|ec2:*|*"))), null, null, null, false),
                req("s3:GetObject", "*"), Decision.IMPLICIT_DENY, "permissions boundary"));
        rows.add(row("boundary and identity both allow",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), List.of(src(doc("Allow|s3:Get*|*"))), null, null, null, false),
                req("s3:GetObject", "*"), Decision.ALLOWED, "allowed"));
        rows.add(row("boundary alone grants nothing",
                new PolicySet(List.of(), List.of(src(doc("Allow|s3:*|*"))), null, null, null, false),
                req("s3:GetObject", "*"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("session policy limits a role session",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), null, List.of(src(doc("Allow|s3:GetObject|*"))), null, null, false),
                new RequestFacts("s3:PutObject", "*", SESSION, Map.of()), Decision.IMPLICIT_DENY, "session policy"));
        rows.add(row("deny in a boundary is explicit",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), List.of(src(doc("Allow|s3:*|*")), src(doc("Deny|s3:Delete*|*"))),
                        null, null, null, false),
                req("s3:DeleteObject", "*"), Decision.EXPLICIT_DENY, "explicitly denied"));
        // --- resource-based policies, same and cross account
        rows.add(row("same account: resource policy naming the user allows without identity policy",
                new PolicySet(List.of(), null, null, resource("Allow|s3:GetObject|*|AWS=" + ALICE.arn()), null, false),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.ALLOWED, "allowed"));
        rows.add(row("same account: resource policy naming the user is not limited by the boundary",
                new PolicySet(List.of(), List.of(src(doc("Allow|ec2:*|*"))), null,
                        resource("Allow|s3:GetObject|*|AWS=" + ALICE.arn()), null, false),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.ALLOWED, "allowed"));
        rows.add(row("same account: naming only the account defers to identity policies",
                new PolicySet(List.of(), null, null, resource("Allow|s3:GetObject|*|AWS=" + ACCOUNT), null, false),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("same account: naming the role is limited by the session policy",
                new PolicySet(List.of(), null, List.of(src(doc("Allow|ec2:*|*"))),
                        resource("Allow|s3:GetObject|*|AWS=" + SESSION.roleArn()), null, false),
                new RequestFacts("s3:GetObject", "arn:aws:s3:::b/k", SESSION, Map.of()), Decision.IMPLICIT_DENY, "session policy"));
        rows.add(row("same account: naming the session itself is not limited by session policies",
                new PolicySet(List.of(), null, List.of(src(doc("Allow|ec2:*|*"))),
                        resource("Allow|s3:GetObject|*|AWS=" + SESSION.arn()), null, false),
                new RequestFacts("s3:GetObject", "arn:aws:s3:::b/k", SESSION, Map.of()), Decision.ALLOWED, "allowed"));
        rows.add(row("resource policy deny wins",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), null, null, resource("Deny|s3:*|*|*=*"), null, false),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("cross account: identity allow alone is not enough",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), null, null, null, "444455556666", false),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.IMPLICIT_DENY, "cross-account"));
        rows.add(row("cross account: resource allow alone is not enough",
                new PolicySet(List.of(), null, null, resource("Allow|s3:*|*|AWS=" + STRANGER.accountId()), ACCOUNT, false),
                new RequestFacts("s3:GetObject", "arn:aws:s3:::b/k", STRANGER, Map.of()), Decision.IMPLICIT_DENY, "no statement"));
        rows.add(row("cross account: both sides allow",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), null, null,
                        resource("Allow|s3:*|*|AWS=arn:aws:iam::999988887777:root"), ACCOUNT, false),
                new RequestFacts("s3:GetObject", "arn:aws:s3:::b/k", STRANGER, Map.of()), Decision.ALLOWED, "allowed"));
        rows.add(row("NotPrincipal excludes the named principal",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), null, null, resource("Deny|s3:*|*|!AWS=" + ALICE.arn()), null, false),
                req("s3:GetObject", "arn:aws:s3:::b/k"), Decision.ALLOWED, "allowed"));
        rows.add(row("NotPrincipal applies to everyone else",
                new PolicySet(List.of(src(doc("Allow|s3:*|*"))), null, null, resource("Deny|s3:*|*|!AWS=" + ALICE.arn()), ACCOUNT, false),
                new RequestFacts("s3:GetObject", "arn:aws:s3:::b/k", STRANGER, Map.of()), Decision.EXPLICIT_DENY, "explicitly denied"));
        rows.add(row("Service principal", new PolicySet(List.of(), null, null,
                        resource("Allow|sts:AssumeRole|*|Service=ec2.amazonaws.com"), null, true),
                new RequestFacts("sts:AssumeRole", "arn:aws:iam::1:role/r", Caller.service("ec2.amazonaws.com"), Map.of()),
                Decision.ALLOWED, "allowed"));
        // --- root and trust policies
        rows.add(row("root is allowed what no policy denies", identity(),
                new RequestFacts("iam:CreateUser", "*", ROOT, Map.of()), Decision.ALLOWED, "account root"));
        rows.add(row("trust policy must name the caller even for admins",
                new PolicySet(List.of(src(doc("Allow|*|*"))), null, null, resource("Allow|sts:AssumeRole|*|Service=ec2.amazonaws.com"),
                        null, true),
                req("sts:AssumeRole", "arn:aws:iam::1:role/r"), Decision.IMPLICIT_DENY, "trust policy"));
        rows.add(row("trust policy naming the account lets the root assume",
                new PolicySet(List.of(), null, null, resource("Allow|sts:AssumeRole|*|AWS=arn:aws:iam::" + ACCOUNT + ":root"), null, true),
                new RequestFacts("sts:AssumeRole", "arn:aws:iam::1:role/r", ROOT, Map.of()), Decision.ALLOWED, "allowed"));
        return rows.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(Row row) {
        EvaluationResult result = PolicyEvaluator.evaluate(row.policies(), row.request());
        assertThat(result.decision()).as(row.rule() + " (" + result.reason() + ")").isEqualTo(row.expected());
        assertThat(result.reason()).contains(row.reason());
        if (row.expected() != Decision.IMPLICIT_DENY && !row.reason().contains("root")) {
            assertThat(result.matched()).isNotEmpty();
        }
    }

    // --- builders

    static Row row(String rule, PolicySet policies, RequestFacts request, Decision expected, String reason) {
        return new Row(rule, policies, request, expected, reason);
    }

    static PolicySet identity(String... docs) {
        List<PolicySource> sources = new ArrayList<>();
        for (String d : docs) {
            sources.add(src(d));
        }
        return PolicySet.identityOnly(sources);
    }

    static PolicySource src(String json) {
        return new PolicySource("policy", "user", PolicyParser.parse(json, PolicyKind.IDENTITY));
    }

    /** {@code Effect|Action|Resource[|Condition]}: a leading {@code !} means NotAction / NotResource. */
    static String doc(String spec) {
        String[] p = spec.split("\\|", 4);
        StringBuilder s = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"").append(p[0]).append("\",");
        s.append(element("Action", p[1])).append(',').append(element("Resource", p[2]));
        if (p.length == 4) {
            s.append(",\"Condition\":").append(p[3]);
        }
        return s.append("}]}").toString();
    }

    /** {@code Effect|Action|Resource|Type=principal} ({@code !Type=} for NotPrincipal, {@code *=*} for everyone). */
    static PolicySource resource(String spec) {
        String[] p = spec.split("\\|", 4);
        String principalSpec = p[3];
        boolean not = principalSpec.startsWith("!");
        String[] kv = (not ? principalSpec.substring(1) : principalSpec).split("=", 2);
        String principal = kv[0].equals("*") ? "\"*\"" : "{\"" + kv[0] + "\":\"" + kv[1] + "\"}";
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + p[0] + "\",\"" + (not ? "NotPrincipal" : "Principal")
                + "\":" + principal + "," + element("Action", p[1]) + "," + element("Resource", p[2]) + "}]}";
        return new PolicySource("resource-policy", "resource", PolicyParser.parse(json, PolicyKind.RESOURCE));
    }

    private static String element(String name, String value) {
        boolean not = value.startsWith("!");
        return "\"" + (not ? "Not" + name : name) + "\":\"" + (not ? value.substring(1) : value) + "\"";
    }

    static RequestFacts req(String action, String resource, String... keyValues) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            context.put(keyValues[i], List.of(keyValues[i + 1]));
        }
        return new RequestFacts(action, resource, ALICE, context);
    }

    static RequestFacts reqMulti(String action, String key, String... values) {
        return new RequestFacts(action, "*", ALICE, Map.of(key, List.of(values)));
    }
}
