package io.cloudjar.vpc.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ipv4CidrTest {
    @Test
    void parsesCanonicalBlocks() {
        assertThat(Ipv4Cidr.parse("10.0.0.0/16")).hasValueSatisfying(c -> {
            assertThat(c.prefix()).isEqualTo(16);
            assertThat(c.toString()).isEqualTo("10.0.0.0/16");
        });
        assertThat(Ipv4Cidr.parse("255.255.255.255/32")).map(Ipv4Cidr::toString).hasValue("255.255.255.255/32");
        assertThat(Ipv4Cidr.parse("0.0.0.0/0")).map(Ipv4Cidr::toString).hasValue("0.0.0.0/0");
    }

    @Test
    void rejectsHostBitsAndMalformedText() {
        assertThat(Ipv4Cidr.parse("10.0.0.1/16")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.0.0.0/-1")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.0.0.0/016")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.0.0.0.0/16")).isEmpty();
        assertThat(Ipv4Cidr.parse(" 10.0.0.0/16")).isEmpty();
        assertThat(Ipv4Cidr.parse(null)).isEmpty();
    }

    @Test
    void maskedParsingClearsHostBitsButKeepsTheSyntaxRules() {
        assertThat(Ipv4Cidr.parseMasked("100.68.0.18/18")).map(Ipv4Cidr::toString).hasValue("100.68.0.0/18");
        assertThat(Ipv4Cidr.parseMasked("10.1.2.3/0")).map(Ipv4Cidr::toString).hasValue("0.0.0.0/0");
        assertThat(Ipv4Cidr.parseMasked("10.0.0.0/33")).isEmpty();
        assertThat(Ipv4Cidr.parseMasked("10.0.0.01/16")).isEmpty();
    }

    @Test
    void containmentAndOverlap() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16").orElseThrow();
        Ipv4Cidr inside = Ipv4Cidr.parse("10.0.4.0/24").orElseThrow();
        Ipv4Cidr outside = Ipv4Cidr.parse("10.1.0.0/24").orElseThrow();
        assertThat(vpc.contains(inside)).isTrue();
        assertThat(inside.contains(vpc)).isFalse();
        assertThat(inside.overlaps(vpc)).isTrue();
        assertThat(vpc.overlaps(outside)).isFalse();
        assertThat(Ipv4Cidr.parse("0.0.0.0/0").orElseThrow().contains(outside)).isTrue();
    }
}
