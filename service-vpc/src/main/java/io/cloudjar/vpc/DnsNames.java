package io.cloudjar.vpc;

/** The DNS names AWS gives addresses: {@code ip-10-0-1-4.ec2.internal}, {@code ec2-203-0-113-5.compute-1.amazonaws.com}. */
final class DnsNames {
    private static final String FIRST_REGION = "us-east-1";

    private DnsNames() {
    }

    static String privateName(String privateIp, String region) {
        return "ip-" + privateIp.replace('.', '-') + "." + internalDomain(region);
    }

    static String publicName(String publicIp, String region) {
        String suffix = FIRST_REGION.equals(region) ? "compute-1.amazonaws.com" : region + ".compute.amazonaws.com";
        return "ec2-" + publicIp.replace('.', '-') + "." + suffix;
    }

    /** The domain of private names, which is also the default DHCP options' {@code domain-name}. */
    static String internalDomain(String region) {
        return FIRST_REGION.equals(region) ? "ec2.internal" : region + ".compute.internal";
    }
}
