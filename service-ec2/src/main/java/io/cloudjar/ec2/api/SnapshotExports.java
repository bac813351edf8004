package io.cloudjar.ec2.api;

import io.cloudjar.vpc.api.IngressRule;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.List;

/**
 * What Lightsail's export to EC2 (ExportSnapshot, CreateCloudFormationStack) needs from service-ec2: EBS snapshots
 * and AMIs owned by the account, {@code pending} until the export completes on the emulator clock and then what
 * DescribeSnapshots and DescribeImages show, and an instance launched from such an AMI. Implemented by a
 * service-ec2 provider; every method acts on one account and region and throws EC2's errors as
 * {@link io.cloudjar.core.errors.AwsException}s.
 */
public interface SnapshotExports {
    /** An EBS snapshot of an exported disk snapshot; answers its id. */
    String exportDiskSnapshot(Scope scope, int sizeGb, String description, Instant completesAt);

    /** An AMI of an exported instance snapshot, with one EBS snapshot per disk. */
    ExportedImage exportImage(Scope scope, ImageExport export);

    /**
     * One instance from an image, in the default subnet of {@code launch.availabilityZone()}: in a new security
     * group opening {@code launch.ingress()}, or in the VPC's default group when that is null.
     *
     * @return the instance id
     * @throws io.cloudjar.core.errors.AwsException RunInstances' errors (instance type, zone, image state)
     */
    String launchInstance(Scope scope, Launch launch);

    /**
     * @param disks the system disk first (its device is the image's root), then the attached disks
     */
    record ImageExport(String name, String description, boolean windows, List<Disk> disks, Instant completesAt) {
        public ImageExport {
            disks = List.copyOf(disks);
        }
    }

    /** @param path the device the disk was attached as ({@code /dev/xvdf}); ignored for the system disk */
    record Disk(String path, int sizeGb) {
    }

    /** @param snapshotIds one per disk, in the order of {@link ImageExport#disks()} */
    record ExportedImage(String imageId, List<String> snapshotIds) {
        public ExportedImage {
            snapshotIds = List.copyOf(snapshotIds);
        }
    }

    /**
     * @param userData  the launch script, plain text (null: none)
     * @param groupName the name of the security group made for {@code ingress}
     * @param ingress   the ports to open, or null for the VPC's default security group
     */
    record Launch(String imageId, String instanceType, String availabilityZone, String userData, String groupName,
                  List<IngressRule> ingress) {
        public Launch {
            ingress = ingress == null ? null : List.copyOf(ingress);
        }
    }
}
