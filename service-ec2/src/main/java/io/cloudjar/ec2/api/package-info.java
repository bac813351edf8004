/**
 * The only package of service-ec2 besides {@code io.cloudjar.ec2.keys} that another service may use (enforced by
 * {@code LayeringTest}): {@link io.cloudjar.ec2.api.SnapshotExports}, through which Lightsail's export to EC2 makes
 * AMIs and EBS snapshots and launches instances from them. Found with {@code ServiceContext.lookup(...)}.
 */
package io.cloudjar.ec2.api;
