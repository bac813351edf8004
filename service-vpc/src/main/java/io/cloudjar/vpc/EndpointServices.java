package io.cloudjar.vpc;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The AWS services a VPC endpoint can reach in a region: S3 and DynamoDB as gateway or interface
 * endpoints, the others as interface endpoints only, as AWS offers them.
 */
final class EndpointServices {
    static final String GATEWAY = "Gateway";
    static final String INTERFACE = "Interface";
    private static final List<String> GATEWAY_SERVICES = List.of("s3", "dynamodb");
    private static final List<String> INTERFACE_SERVICES = List.of("ec2", "ec2messages", "ecr.api", "ecr.dkr", "elasticloadbalancing",
            "execute-api", "kms", "lambda", "logs", "monitoring", "rds", "secretsmanager", "sns", "sqs", "ssm", "ssmmessages", "sts");

    private EndpointServices() {
    }

    /** One service and the endpoint types it supports. */
    record EndpointService(String name, String shortName, List<String> types) {
    }

    static List<EndpointService> of(String region) {
        return Stream.concat(GATEWAY_SERVICES.stream().map(s -> new EndpointService(name(region, s), s, List.of(GATEWAY, INTERFACE))),
                INTERFACE_SERVICES.stream().map(s -> new EndpointService(name(region, s), s, List.of(INTERFACE)))).toList();
    }

    static Optional<EndpointService> find(String region, String serviceName) {
        return of(region).stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    private static String name(String region, String service) {
        return "com.amazonaws." + region + "." + service;
    }

    /** The default policy AWS attaches: full access. */
    static final String FULL_ACCESS_POLICY =
            "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
}
