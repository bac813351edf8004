package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** Filters and pages over a fixed set: the default VPC plus three tagged VPCs, one with IPv6. */
class DescribeVpcsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static Ec2Client ec2;
    private static Vpc defaultVpc;
    private static Vpc web1;
    private static Vpc web2;
    private static Vpc db;

    @BeforeAll
    static void createVpcs() {
        ec2 = cloudjar.client(Ec2Client.builder());
        web1 = create("10.0.0.0/16", false, "Name", "web-1", "tier", "front");
        web2 = create("10.1.0.0/16", true, "Name", "web-2", "tier", "front");
        db = create("192.168.0.0/24", false, "Name", "db", "owner", "data-team");
        defaultVpc = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0);
    }

    @AfterAll
    static void close() {
        ec2.close();
    }

    @Test
    void tagNameFilterTakesWildcards() {
        assertThat(ids(filter("tag:Name", "web-*"))).containsExactlyInAnyOrder(web1.vpcId(), web2.vpcId());
        assertThat(ids(filter("tag:Name", "web-?"))).containsExactlyInAnyOrder(web1.vpcId(), web2.vpcId());
        assertThat(ids(filter("tag:Name", "*-2"))).containsExactly(web2.vpcId());
        assertThat(ids(filter("tag:Name", "web"))).isEmpty();
        assertThat(ids(filter("tag:name", "web-1"))).as("tag keys are case sensitive").isEmpty();
    }

    @Test
    void tagKeyAndTagValueFilters() {
        assertThat(ids(filter("tag-key", "tier"))).containsExactlyInAnyOrder(web1.vpcId(), web2.vpcId());
        assertThat(ids(filter("tag-key", "own*"))).containsExactly(db.vpcId());
        assertThat(ids(filter("tag-value", "data-team", "front"))).containsExactlyInAnyOrder(web1.vpcId(), web2.vpcId(), db.vpcId());
    }

    @Test
    void cidrFilters() {
        assertThat(ids(filter("cidr", "10.1.0.0/16"))).containsExactly(web2.vpcId());
        assertThat(ids(filter("cidr", "10.*"))).containsExactlyInAnyOrder(web1.vpcId(), web2.vpcId());
        assertThat(ids(filter("cidr-block-association.cidr-block", "192.168.0.0/24"))).containsExactly(db.vpcId());
        String assoc = db.cidrBlockAssociationSet().get(0).associationId();
        assertThat(ids(filter("cidr-block-association.association-id", assoc))).containsExactly(db.vpcId());
        assertThat(ids(filter("cidr-block-association.state", "associated"))).hasSize(4);
        assertThat(ids(filter("cidr-block-association.state", "disassociated"))).isEmpty();
    }

    @Test
    void ipv6Filters() {
        var assoc = web2.ipv6CidrBlockAssociationSet().get(0);
        assertThat(ids(filter("ipv6-cidr-block-association.ipv6-cidr-block", assoc.ipv6CidrBlock()))).containsExactly(web2.vpcId());
        assertThat(ids(filter("ipv6-cidr-block-association.association-id", assoc.associationId()))).containsExactly(web2.vpcId());
        assertThat(ids(filter("ipv6-cidr-block-association.state", "associated"))).containsExactly(web2.vpcId());
        assertThat(ids(filter("ipv6-cidr-block-association.ipv6-pool", "Amazon"))).containsExactly(web2.vpcId());
    }

    @Test
    void attributeFilters() {
        assertThat(ids(filter("is-default", "true"))).containsExactly(defaultVpc.vpcId());
        assertThat(ids(filter("is-default", "false"))).containsExactlyInAnyOrder(web1.vpcId(), web2.vpcId(), db.vpcId());
        assertThat(ids(filter("state", "available"))).hasSize(4);
        assertThat(ids(filter("state", "pending"))).isEmpty();
        assertThat(ids(filter("owner-id", "000000000000"))).hasSize(4);
        assertThat(ids(filter("owner-id", "111111111111"))).isEmpty();
        assertThat(ids(filter("dhcp-options-id", defaultVpc.dhcpOptionsId()))).hasSize(4);
        assertThat(ids(filter("vpc-id", web1.vpcId(), db.vpcId()))).containsExactlyInAnyOrder(web1.vpcId(), db.vpcId());
    }

    @Test
    void severalFiltersMustAllMatchAndCombineWithIds() {
        assertThat(ids(filter("tag:tier", "front"), filter("cidr", "10.0.0.0/16"))).containsExactly(web1.vpcId());
        assertThat(ec2.describeVpcs(r -> r.vpcIds(web1.vpcId(), db.vpcId()).filters(filter("tag:tier", "front"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(web1.vpcId());
    }

    @Test
    void duplicateIdsAreDescribedOnce() {
        assertThat(ec2.describeVpcs(r -> r.vpcIds(db.vpcId(), db.vpcId())).vpcs()).extracting(Vpc::vpcId).containsExactly(db.vpcId());
    }

    @Test
    void pagesWalkEveryVpcOnceInIdOrder() {
        // Ten more VPCs make 14 in all: pages of 5, 5 and 4.
        List<String> all = new ArrayList<>(List.of(defaultVpc.vpcId(), web1.vpcId(), web2.vpcId(), db.vpcId()));
        for (int i = 0; i < 10; i++) {
            all.add(create("172.16." + (i * 16) + ".0/28", false, "page", "yes").vpcId());
        }
        try {
            List<String> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                DescribeVpcsResponse page = ec2.describeVpcs(r -> r.maxResults(5).nextToken(next));
                page.vpcs().forEach(v -> seen.add(v.vpcId()));
                sizes.add(page.vpcs().size());
                token = page.nextToken();
            } while (token != null);
            assertThat(sizes).containsExactly(5, 5, 4);
            assertThat(seen).doesNotHaveDuplicates().isSorted().containsExactlyInAnyOrderElementsOf(all);

            assertThat(ec2.describeVpcsPaginator(r -> r.maxResults(5).filters(filter("tag:page", "yes"))).vpcs())
                    .hasSize(10);
            assertThat(ec2.describeVpcs(r -> r.maxResults(1000)).nextToken()).isNull();
            for (String garbage : new String[] {"garbage", "!!!"}) { // a token EC2 did not hand out, base64 or not
                assertEc2Error(() -> ec2.describeVpcs(r -> r.maxResults(5).nextToken(garbage)), "InvalidParameterValue", 400,
                        "Value ( " + garbage + " ) for parameter NextToken is invalid. The token is invalid.");
                assertEc2Error(() -> ec2.describeTags(r -> r.maxResults(5).nextToken(garbage)), "InvalidParameterValue", 400);
            }
        } finally {
            all.subList(4, all.size()).forEach(id -> ec2.deleteVpc(r -> r.vpcId(id)));
        }
    }

    /** A 1.3 MB form: every filter is read (the last one decides) and the answer comes back whole. */
    @Test
    void twentyThousandFiltersAreAllApplied() {
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            filters.add(i % 2 == 0 ? filter("vpc-id", defaultVpc.vpcId(), "vpc-" + i) : filter("is-default", "true"));
        }
        assertThat(ids(filters.toArray(Filter[]::new))).containsExactly(defaultVpc.vpcId());

        filters.add(filter("cidr", "10.9.0.0/16"));
        assertThat(ids(filters.toArray(Filter[]::new))).isEmpty();
    }

    private static Vpc create(String cidr, boolean ipv6, String... tags) {
        List<Tag> tagList = new ArrayList<>();
        for (int i = 0; i < tags.length; i += 2) {
            tagList.add(Tag.builder().key(tags[i]).value(tags[i + 1]).build());
        }
        return ec2.createVpc(r -> r.cidrBlock(cidr).amazonProvidedIpv6CidrBlock(ipv6)
                .tagSpecifications(t -> t.resourceType(ResourceType.VPC).tags(tagList))).vpc();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<String> ids(Filter... filters) {
        return ec2.describeVpcs(r -> r.filters(filters)).vpcs().stream().map(Vpc::vpcId).toList();
    }
}
