package io.cloudjar.rds;

/** RDS ARNs: {@code arn:aws:rds:<region>:<account>:<type>:<name>}, the same types as the {@code .authz} rules. */
final class RdsArns {
    static final String DB = "db";
    static final String SUBNET_GROUP = "subgrp";
    static final String PARAMETER_GROUP = "pg";
    static final String SNAPSHOT = "snapshot";
    static final String OPTION_GROUP = "og";
    static final String CLUSTER = "cluster";
    static final String CLUSTER_PARAMETER_GROUP = "cluster-pg";
    static final String CLUSTER_SNAPSHOT = "cluster-snapshot";

    private RdsArns() {
    }

    static String of(String region, String account, String type, String name) {
        return "arn:aws:rds:" + region + ":" + account + ":" + type + ":" + name;
    }

    /** A rule resolver for a resource named by identifier or by ARN: authorized on its ARN either way. */
    static io.cloudjar.core.auth.RuleResolver byIdOrArn(String type) {
        return (value, call) -> java.util.List.of(value.startsWith("arn:") ? value : "arn:" + call.partition() + ":rds:"
                + call.region() + ":" + call.account() + ":" + type + ":" + value.toLowerCase(java.util.Locale.ROOT));
    }

    /** The type and name of an RDS ARN, or null when {@code arn} is not one of this account and region. */
    static String[] parse(String arn, String region, String account) {
        String prefix = "arn:aws:rds:" + region + ":" + account + ":";
        if (arn == null || !arn.startsWith(prefix)) {
            return null;
        }
        String[] typeAndName = arn.substring(prefix.length()).split(":", 2);
        return typeAndName.length == 2 ? typeAndName : null;
    }
}
