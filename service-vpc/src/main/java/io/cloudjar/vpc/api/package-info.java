/**
 * The seams other modules use, kept small and stable. Starting points: {@link io.cloudjar.vpc.api.InstanceNetworking}
 * (subnets, security groups, interfaces and addresses for service-ec2's instances) and
 * {@link io.cloudjar.vpc.api.TagRegistry} (CreateTags/DeleteTags/DescribeTags for every EC2 resource type).
 * Both are found with {@code ServiceContext.lookup(...)}.
 */
package io.cloudjar.vpc.api;
