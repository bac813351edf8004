package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagAccessor;
import io.cloudjar.vpc.api.TagRegistry;
import io.cloudjar.vpc.api.TaggableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** CreateTags, DeleteTags and DescribeTags over this module's resources and a type another module registers. */
class TagsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    /** Stands in for service-ec2's instances: ids it knows, tags it keeps. */
    private static final Map<String, Map<String, String>> INSTANCES = new ConcurrentHashMap<>();

    private Ec2Client ec2;
    private String vpcId;

    @BeforeAll
    static void registerInstances() {
        TagRegistry registry = cloudjar.server().runtime().lookup(TagRegistry.class).orElseThrow();
        registry.register(new TaggableType("i", "instance",
                id -> AwsErrors.badRequest("InvalidInstanceID.NotFound", "The instance ID '%s' does not exist", id), new TagAccessor() {
                    @Override
                    public Optional<Map<String, String>> tags(Scope scope, String resourceId) {
                        return Optional.ofNullable(INSTANCES.get(resourceId)).map(LinkedHashMap::new);
                    }

                    @Override
                    public boolean update(Scope scope, String resourceId, UnaryOperator<Map<String, String>> change) {
                        return INSTANCES.computeIfPresent(resourceId, (k, v) -> new LinkedHashMap<>(change.apply(v))) != null;
                    }

                    @Override
                    public Map<String, Map<String, String>> tagged(Scope scope) {
                        Map<String, Map<String, String>> out = new LinkedHashMap<>();
                        INSTANCES.forEach((id, tags) -> {
                            if (!tags.isEmpty()) {
                                out.put(id, tags);
                            }
                        });
                        return out;
                    }
                }));
    }

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        INSTANCES.clear();
        ec2 = cloudjar.client(Ec2Client.builder());
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tagsLandOnEveryKindOfResourceAndShowInDescribeTags() {
        String subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("web")).groupId();
        String eip = ec2.allocateAddress(r -> { }).allocationId();
        INSTANCES.put("i-0123456789abcdef0", new LinkedHashMap<>());
        ec2.createTags(r -> r.resources(vpcId, subnet, sg, eip, "i-0123456789abcdef0").tags(tag("Name", "lab"), tag("env", "dev")));

        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).tags()).containsExactly(tag("Name", "lab"), tag("env", "dev"));
        assertThat(INSTANCES.get("i-0123456789abcdef0")).containsEntry("Name", "lab");
        List<TagDescription> named = ec2.describeTags(r -> r.filters(filter("key", "Name"))).tags();
        assertThat(named).extracting(TagDescription::resourceId, t -> t.resourceTypeAsString())
                .containsExactlyInAnyOrder(tuple(vpcId, "vpc"), tuple(subnet, "subnet"), tuple(sg, "security-group"),
                        tuple(eip, "elastic-ip"), tuple("i-0123456789abcdef0", "instance"));
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-type", "instance"))).tags()).hasSize(2);
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", vpcId), filter("value", "d*"))).tags())
                .extracting(TagDescription::key).containsExactly("env");
        assertThat(ec2.describeTags(r -> r.filters(filter("tag:env", "dev"), filter("resource-type", "subnet"))).tags()).hasSize(1);
    }

    @Test
    void unknownAndMissingResourcesFailTheWholeCall() {
        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpcId, "vpc-00000000000000000").tags(tag("a", "b"))), "InvalidVpcID.NotFound", 400,
                "The vpc ID 'vpc-00000000000000000' does not exist");
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).tags()).isEmpty();
        assertEc2Error(() -> ec2.createTags(r -> r.resources("bogus").tags(tag("a", "b"))), "InvalidID", 400, "The ID 'bogus' is not valid");
        assertEc2Error(() -> ec2.createTags(r -> r.resources("i-00000000000000000").tags(tag("a", "b"))), "InvalidInstanceID.NotFound", 400);
        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpcId).tags(tag("aws:cloudformation", "x"))), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createTags(r -> r.resources("subnet-00000000000000000").tags(tag("a", "b"))), "InvalidSubnetID.NotFound", 400);
    }

    @Test
    void fiftyTagsPerResource() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tags.add(tag("k" + i, "v"));
        }
        ec2.createTags(r -> r.resources(vpcId).tags(tags));
        ec2.createTags(r -> r.resources(vpcId).tags(tag("k0", "replaced")));
        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpcId).tags(tag("k50", "v"))), "TagLimitExceeded", 400);
    }

    @Test
    void deleteTagsMatchesValuesWhenGiven() {
        ec2.createTags(r -> r.resources(vpcId).tags(tag("a", "1"), tag("b", "2"), tag("c", ""), tag("d", "4")));
        ec2.deleteTags(r -> r.resources(vpcId).tags(tag("a", "other"), Tag.builder().key("b").build(), tag("c", "")));
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).tags()).containsExactly(tag("a", "1"), tag("d", "4"));
        ec2.deleteTags(r -> r.resources(vpcId));
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).tags()).isEmpty();
    }

    @Test
    void describeTagsPages() {
        for (int i = 0; i < 12; i++) {
            int n = i;
            ec2.createTags(r -> r.resources(vpcId).tags(tag("key" + (n < 10 ? "0" + n : n), "v")));
        }
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeTagsResponse page = ec2.describeTags(r -> r.maxResults(5).nextToken(next));
            page.tags().forEach(t -> keys.add(t.key()));
            token = page.nextToken();
        } while (token != null);
        assertThat(keys).hasSize(12).isSorted().doesNotHaveDuplicates();
        assertEc2Error(() -> ec2.describeTags(r -> r.filters(filter("colour", "red"))), "InvalidParameterValue", 400);
    }

    @Test
    void tagSpecificationsOnCreateAreCheckedForTheirResourceType() {
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")
                .tagSpecifications(t -> t.resourceType("vpc").tags(tag("a", "b")))), "InvalidParameterValue", 400);
        String igw = ec2.createInternetGateway(r -> r.tagSpecifications(t -> t.resourceType("internet-gateway").tags(tag("Name", "gw"))))
                .internetGateway().internetGatewayId();
        assertThat(ec2.describeInternetGateways(r -> r.filters(filter("tag:Name", "gw"))).internetGateways())
                .singleElement().satisfies(g -> assertThat(g.internetGatewayId()).isEqualTo(igw));
    }
}
