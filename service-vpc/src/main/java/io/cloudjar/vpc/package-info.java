/**
 * EC2-API networking. Starting points: {@link io.cloudjar.vpc.NetworkStore} and {@link io.cloudjar.vpc.NetworkState}
 * (state per account and region, one read/write lock), {@link io.cloudjar.vpc.DefaultVpc} (what every region starts
 * with), {@link io.cloudjar.vpc.Describe} (the steps every Describe call shares); then one {@code …Provider} per
 * resource family, its {@code …Record} (stored form) and {@code …Views} (SDK form and filters). Other modules use
 * {@link io.cloudjar.vpc.api}.
 */
package io.cloudjar.vpc;
