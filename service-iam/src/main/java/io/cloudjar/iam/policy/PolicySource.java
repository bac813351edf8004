package io.cloudjar.iam.policy;

/**
 * A policy taking part in an evaluation, named as the simulator names it: its id (policy name or ARN) and
 * type ({@code user}, {@code group}, {@code role}, {@code aws-managed}, {@code user-managed},
 * {@code resource}, {@code none}).
 */
public record PolicySource(String id, String type, PolicyDocument document) {
}
