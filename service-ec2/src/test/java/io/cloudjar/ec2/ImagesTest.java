package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;

class ImagesTest extends Ec2SdkTest {
    private static final String OTHER_ACCOUNT = "111122223333";

    private Image latestJammy(Ec2Client client) {
        return client.describeImages(r -> r.owners("099720109477").filters(
                        f -> f.name("name").values("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"),
                        f -> f.name("virtualization-type").values("hvm")))
                .images().stream().max(Comparator.comparing(Image::creationDate)).orElseThrow();
    }

    @Test
    void theMostRecentUbuntu2204IsFoundByNameWildcardAndOwner() {
        Image image = latestJammy(ec2);

        assertThat(image.name()).isEqualTo("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240801");
        assertThat(image.imageId()).matches("ami-0[0-9a-f]{16}");
        assertThat(image.ownerId()).isEqualTo("099720109477");
        assertThat(image.imageOwnerAlias()).isEqualTo("amazon");
        assertThat(image.imageLocation()).isEqualTo("amazon/" + image.name());
        assertThat(image.architectureAsString()).isEqualTo("x86_64");
        assertThat(image.stateAsString()).isEqualTo("available");
        assertThat(image.publicLaunchPermissions()).isTrue();
        assertThat(image.creationDate()).isEqualTo("2024-08-01T04:12:31.000Z");
        assertThat(image.rootDeviceName()).isEqualTo("/dev/sda1");
        assertThat(image.rootDeviceTypeAsString()).isEqualTo("ebs");
        assertThat(image.platformDetails()).isEqualTo("Linux/UNIX");
        assertThat(image.blockDeviceMappings().get(0).ebs().snapshotId()).matches("snap-0[0-9a-f]{16}");
        assertThat(image.blockDeviceMappings().get(0).ebs().volumeSize()).isEqualTo(8);
        assertThat(image.blockDeviceMappings()).extracting(m -> m.virtualName()).contains("ephemeral0", "ephemeral1");
    }

    @Test
    void eachRegionHasItsOwnIdsForTheSameImage() {
        try (Ec2Client seoul = cloudjar.client(Ec2Client.builder(), Region.AP_NORTHEAST_2, "test", "test")) {
            Image here = latestJammy(ec2);
            Image there = latestJammy(seoul);
            assertThat(there.name()).isEqualTo(here.name());
            assertThat(there.imageId()).isNotEqualTo(here.imageId());
            assertEc2Error(() -> seoul.describeImages(r -> r.imageIds(here.imageId())), "InvalidAMIID.NotFound", 400,
                    "The image id '[" + here.imageId() + "]' does not exist");
            assertThat(latestJammy(seoul).imageId()).isEqualTo(there.imageId()); // stable
        }
    }

    @Test
    void ownersAndFiltersSelectTheCatalogue() {
        List<Image> amazonLinux = ec2.describeImages(r -> r.owners("amazon").filters(
                f -> f.name("name").values("al2023-ami-2023.*-x86_64"), f -> f.name("architecture").values("x86_64"))).images();
        assertThat(amazonLinux).isNotEmpty().allSatisfy(i -> {
            assertThat(i.ownerId()).isEqualTo("137112412989");
            assertThat(i.bootModeAsString()).isEqualTo("uefi-preferred");
            assertThat(i.imdsSupportAsString()).isEqualTo("v2.0");
        });
        List<Image> windows = ec2.describeImages(r -> r.filters(f -> f.name("platform").values("windows"))).images();
        assertThat(windows).isNotEmpty().allSatisfy(i -> {
            assertThat(i.name()).startsWith("Windows_Server-");
            assertThat(i.usageOperation()).isEqualTo("RunInstances:0002");
        });
        assertThat(ec2.describeImages(r -> r.owners("136693071363").filters(f -> f.name("architecture").values("arm64"))).images())
                .isNotEmpty().allSatisfy(i -> assertThat(i.name()).startsWith("debian-"));
        assertThat(ec2.describeImages(r -> r.owners("self")).images()).isEmpty();
        assertThat(ec2.describeImages(r -> r.executableUsers("all").filters(f -> f.name("name").values("amzn2-ami-*"))).images())
                .isNotEmpty();
        assertThat(ec2.describeImages(r -> r.filters(f -> f.name("block-device-mapping.volume-type").values("gp3"),
                f -> f.name("name").values("ubuntu/*"))).images())
                .isNotEmpty().allSatisfy(i -> assertThat(i.name()).contains("noble"));
        assertEc2Error(() -> ec2.describeImages(r -> r.filters(f -> f.name("colour").values("x"))), "InvalidParameterValue", 400,
                "The filter 'colour' is invalid");
    }

    @Test
    void idsAreCheckedAndPagesCoverTheCatalogueOnce() {
        assertEc2Error(() -> ec2.describeImages(r -> r.imageIds("ubuntu")), "InvalidAMIID.Malformed", 400);
        assertEc2Error(() -> ec2.describeImages(r -> r.imageIds("ami-0123456789abcdef0")), "InvalidAMIID.NotFound", 400);
        String id = latestJammy(ec2).imageId();
        assertEc2Error(() -> ec2.describeImages(r -> r.imageIds(id).maxResults(5)), "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.describeImages(r -> r.maxResults(4)), "InvalidParameterValue", 400);

        int all = ec2.describeImages().images().size();
        List<String> paged = ec2.describeImagesPaginator(DescribeImagesRequest.builder().maxResults(7).build())
                .images().stream().map(Image::imageId).toList();
        assertThat(paged).hasSize(all).doesNotHaveDuplicates();
    }

    @Test
    void copyImageMakesAPrivatePendingCopyWithItsOwnSnapshots() {
        Image source = latestJammy(ec2);
        String copyId = ec2.copyImage(r -> r.sourceImageId(source.imageId()).sourceRegion("us-east-1").name("my-jammy")
                .tagSpecifications(t -> t.resourceType("image").tags(tag -> tag.key("Name").value("web")))).imageId();

        Image copy = ec2.describeImages(r -> r.imageIds(copyId)).images().get(0);
        assertThat(copy.stateAsString()).isEqualTo("pending");
        assertThat(copy.ownerId()).isEqualTo("000000000000");
        assertThat(copy.imageOwnerAlias()).isNull();
        assertThat(copy.publicLaunchPermissions()).isFalse();
        assertThat(copy.sourceImageId()).isEqualTo(source.imageId());
        assertThat(copy.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("web"));
        String snapshotId = copy.blockDeviceMappings().get(0).ebs().snapshotId();
        assertThat(snapshotId).isNotEqualTo(source.blockDeviceMappings().get(0).ebs().snapshotId());
        assertThat(ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots()).extracting(s -> s.snapshotId()).containsExactly(snapshotId);

        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(ec2.describeImages(r -> r.owners("self")).images()).singleElement()
                .satisfies(i -> assertThat(i.stateAsString()).isEqualTo("available"));
        assertEc2Error(() -> ec2.deleteSnapshot(r -> r.snapshotId(snapshotId)), "InvalidSnapshot.InUse", 400);
        assertEc2Error(() -> ec2.copyImage(r -> r.sourceImageId(source.imageId()).sourceRegion("us-east-1").name("my-jammy")),
                "InvalidAMIName.Duplicate", 400);
        assertEc2Error(() -> ec2.copyImage(r -> r.sourceImageId(source.imageId()).sourceRegion("mars-1").name("x-copy")),
                "InvalidParameterValue", 400);

        var deregistered = ec2.deregisterImage(r -> r.imageId(copyId).deleteAssociatedSnapshots(true));
        assertThat(deregistered.deleteSnapshotResults()).singleElement().satisfies(s -> assertThat(s.snapshotId()).isEqualTo(snapshotId));
        assertThat(ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots()).isEmpty();
        assertEc2Error(() -> ec2.describeImages(r -> r.imageIds(copyId)), "InvalidAMIID.NotFound", 400);
    }

    @Test
    void copyingToAnotherRegionReadsTheSourceRegion() {
        Image source = latestJammy(ec2);
        try (Ec2Client seoul = cloudjar.client(Ec2Client.builder(), Region.AP_NORTHEAST_2, "test", "test")) {
            String copyId = seoul.copyImage(r -> r.sourceImageId(source.imageId()).sourceRegion("us-east-1").name("jammy-seoul")
                    .encrypted(true)).imageId();
            Image copy = seoul.describeImages(r -> r.imageIds(copyId)).images().get(0);
            assertThat(copy.sourceImageRegion()).isEqualTo("us-east-1");
            assertThat(copy.blockDeviceMappings().get(0).ebs().encrypted()).isTrue();
            assertEc2Error(() -> ec2.describeImages(r -> r.imageIds(copyId)), "InvalidAMIID.NotFound", 400);
        }
    }

    @Test
    void launchPermissionsShareAnImageWithAnotherAccount() {
        String imageId = ec2.copyImage(r -> r.sourceImageId(latestJammy(ec2).imageId()).sourceRegion("us-east-1").name("shared")).imageId();
        try (Ec2Client other = cloudjar.client(Ec2Client.builder(), Region.US_EAST_1, OTHER_ACCOUNT, "secret")) {
            assertEc2Error(() -> other.describeImages(r -> r.imageIds(imageId)), "InvalidAMIID.NotFound", 400);

            ec2.modifyImageAttribute(r -> r.imageId(imageId).launchPermission(p -> p.add(LaunchPermission.builder().userId(OTHER_ACCOUNT).build())));
            assertThat(other.describeImages(r -> r.imageIds(imageId)).images()).hasSize(1);
            assertThat(other.describeImages(r -> r.executableUsers("self")).images()).extracting(Image::imageId).containsExactly(imageId);
            assertThat(ec2.describeImages(r -> r.executableUsers(OTHER_ACCOUNT)).images()).extracting(Image::imageId).containsExactly(imageId);
            assertThat(ec2.describeImageAttribute(r -> r.imageId(imageId).attribute("launchPermission")).launchPermissions())
                    .extracting(LaunchPermission::userId).containsExactly(OTHER_ACCOUNT);
            assertEc2Error(() -> other.modifyImageAttribute(r -> r.imageId(imageId).description(d -> d.value("mine now"))),
                    "AuthFailure", 400);
            assertEc2Error(() -> other.deregisterImage(r -> r.imageId(imageId)), "AuthFailure", 400);

            ec2.modifyImageAttribute(r -> r.imageId(imageId).attribute("launchPermission").operationType("add").userGroups("all"));
            assertThat(ec2.describeImages(r -> r.imageIds(imageId)).images().get(0).publicLaunchPermissions()).isTrue();
            ec2.resetImageAttribute(r -> r.imageId(imageId).attribute("launchPermission"));
            assertEc2Error(() -> other.describeImages(r -> r.imageIds(imageId)), "InvalidAMIID.NotFound", 400);
        }
    }

    @Test
    void attributesOfCatalogueImagesAreReadableButNotChangeable() {
        Image image = latestJammy(ec2);
        assertThat(ec2.describeImageAttribute(r -> r.imageId(image.imageId()).attribute("description")).description().value())
                .isEqualTo(image.description());
        assertThat(ec2.describeImageAttribute(r -> r.imageId(image.imageId()).attribute("blockDeviceMapping")).blockDeviceMappings())
                .hasSize(3);
        assertEc2Error(() -> ec2.modifyImageAttribute(r -> r.imageId(image.imageId()).description(d -> d.value("x"))), "AuthFailure", 400);
        assertEc2Error(() -> ec2.deregisterImage(r -> r.imageId(image.imageId())), "AuthFailure", 400);

        String mine = ec2.copyImage(r -> r.sourceImageId(image.imageId()).sourceRegion("us-east-1").name("described")).imageId();
        ec2.modifyImageAttribute(r -> r.imageId(mine).attribute("description").value("my web server"));
        assertThat(ec2.describeImages(r -> r.imageIds(mine)).images().get(0).description()).isEqualTo("my web server");
    }
}
