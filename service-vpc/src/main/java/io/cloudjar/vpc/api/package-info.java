/**
 * What the EC2 API's two modules share, and the only package of service-vpc that service-ec2 may use (enforced by
 * {@code LayeringTest}). The seams, kept small and stable: {@link io.cloudjar.vpc.api.InstanceNetworking} (subnets,
 * security groups, interfaces and addresses for service-ec2's instances), {@link io.cloudjar.vpc.api.TagRegistry}
 * (CreateTags/DeleteTags/DescribeTags for every EC2 resource type) and, the other way,
 * {@link io.cloudjar.vpc.api.InstanceDirectory}, all found with {@code ServiceContext.lookup(...)}. And the EC2
 * API's conventions both modules follow: Describe filters ({@link io.cloudjar.vpc.api.Ec2Filters}), paging
 * ({@link io.cloudjar.vpc.api.DescribePaging}), tags and tag specifications ({@link io.cloudjar.vpc.api.Tags},
 * {@link io.cloudjar.vpc.api.TagSpecifications}).
 */
package io.cloudjar.vpc.api;
