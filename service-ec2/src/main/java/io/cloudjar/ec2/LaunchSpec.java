package io.cloudjar.ec2;

import io.cloudjar.core.spi.InstanceProfiles;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * Everything a RunInstances request fixes besides networking and volumes, validated in the order EC2
 * reports problems: counts, image, instance type (and its architecture against the image's), key pair,
 * user data, shutdown behaviour, metadata options, CPU and credit options, instance profile and tags.
 *
 * @param tags per resource type: {@code instance}, {@code volume}, {@code network-interface}
 */
record LaunchSpec(int minCount, int maxCount, ImageRecord image, InstanceTypeInfo type, String keyName,
                  InstanceSettings settings,
                  int cpuCores, int threadsPerCore, String tenancy, InstanceProfiles.Profile profile,
                  Map<String, Map<String, String>> tags) {
    static final String DEFAULT_TYPE = "m1.small";
    private static final int USER_DATA_LIMIT = 16 * 1024;
    private static final Set<String> TAGGABLE = Set.of("instance", "volume", "network-interface");

    static LaunchSpec of(RunInstancesRequest request, ComputeStore store, ComputeState state, String accountId,
                         String region) {
        int min = request.minCount();
        int max = request.maxCount();
        if (min < 1) {
            throw Ec2Errors.of("InvalidParameterValue#minCount", min);
        }
        if (max < min) {
            throw Ec2Errors.of("InvalidParameterValue#maxCount", max, min);
        }
        ImageRecord image = image(request.imageId(), store, accountId, region);
        String typeName = request.instanceTypeAsString() == null ? DEFAULT_TYPE : request.instanceTypeAsString();
        InstanceTypeInfo type = InstanceTypeCatalog.find(typeName)
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#instanceType", typeName));
        var architectures = type.processorInfo().supportedArchitecturesAsStrings();
        if (!architectures.contains(image.architecture())) {
            throw Ec2Errors.of("InvalidParameterValue#architecture", architectures.get(architectures.size() - 1),
                    image.architecture());
        }
        if (request.keyName() != null && state.keyPair(request.keyName()).isEmpty()) {
            throw Ec2Errors.of("InvalidKeyPair.NotFound", request.keyName());
        }
        String userData = userData(request.userData());
        String shutdown = request.instanceInitiatedShutdownBehaviorAsString() == null ? "stop"
                : request.instanceInitiatedShutdownBehaviorAsString();
        if (!shutdown.equals("stop") && !shutdown.equals("terminate")) {
            throw Ec2Errors.of("InvalidParameterValue#shutdownBehavior", shutdown);
        }
        String credits = credits(type, request);
        int cores = type.vCpuInfo().defaultCores();
        int threads = type.vCpuInfo().defaultThreadsPerCore();
        if (request.cpuOptions() != null) {
            cores = request.cpuOptions().coreCount() != null ? request.cpuOptions().coreCount() : cores;
            threads = request.cpuOptions().threadsPerCore() != null ? request.cpuOptions().threadsPerCore() : threads;
            if (cores < 1 || cores > type.vCpuInfo().defaultCores() || threads < 1 || threads > type.vCpuInfo().defaultThreadsPerCore()) {
                throw Ec2Errors.of("InvalidParameterValue#cpuOptions", typeName);
            }
        }
        String tenancy = request.placement() != null && request.placement().tenancyAsString() != null
                && !request.placement().tenancyAsString().isEmpty() ? request.placement().tenancyAsString() : "default";
        if (request.placement() != null && request.placement().groupName() != null && !request.placement().groupName().isEmpty()) {
            throw Ec2Errors.of("InvalidPlacementGroup.Unknown", request.placement().groupName());
        }
        InstanceSettings settings = new InstanceSettings(typeName, userData, Boolean.TRUE.equals(request.disableApiTermination()),
                Boolean.TRUE.equals(request.disableApiStop()), shutdown, Boolean.TRUE.equals(request.ebsOptimized()),
                request.monitoring() != null && Boolean.TRUE.equals(request.monitoring().enabled()), credits,
                metadata(request.metadataOptions(), image));
        var tags = io.cloudjar.vpc.api.TagSpecifications.tagsFor(request.tagSpecifications(), TAGGABLE);
        return new LaunchSpec(min, max, image, type, request.keyName(), settings, cores, threads, tenancy,
                profile(request, store, accountId), tags);
    }

    private static ImageRecord image(String imageId, ComputeStore store, String accountId, String region) {
        if (imageId == null) {
            throw Ec2Errors.of("MissingParameter", "ImageId");
        }
        if (!ResourceIds.wellFormed(imageId, "ami")) {
            throw Ec2Errors.of("InvalidAMIID.Malformed", imageId);
        }
        ImageRecord image = store.images(region).find(imageId).filter(i -> i.visibleTo(accountId))
                .orElseThrow(() -> Ec2Errors.of("InvalidAMIID.NotFound", imageId));
        if (!image.state(store.now()).equals("available")) {
            throw Ec2Errors.of("InvalidAMIID.Unavailable", imageId);
        }
        return image;
    }

    /** User data is base64 on the wire and at most 16 KiB decoded; it is kept as sent. */
    static String userData(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw Ec2Errors.of("InvalidParameterValue#userDataEncoding");
        }
        if (decoded.length > USER_DATA_LIMIT) {
            throw Ec2Errors.of("InvalidParameterValue#userDataSize");
        }
        return base64;
    }

    private static String credits(InstanceTypeInfo type, RunInstancesRequest request) {
        String fallback = InstanceTypeCatalog.defaultCpuCredits(type);
        if (request.creditSpecification() == null || request.creditSpecification().cpuCredits() == null) {
            return fallback;
        }
        String requested = request.creditSpecification().cpuCredits();
        if (fallback == null) {
            throw Ec2Errors.of("InvalidParameterValue#creditSpecification", type.instanceTypeAsString());
        }
        if (!requested.equals("standard") && !requested.equals("unlimited")) {
            throw Ec2Errors.of("InvalidParameterValue#cpuCredits", requested);
        }
        return requested;
    }

    /** Images that declare {@code ImdsSupport: v2.0} launch with session tokens required and a hop limit of 2. */
    static InstanceSettings.MetadataOptions metadata(InstanceMetadataOptionsRequest options, ImageRecord image) {
        boolean v2 = "v2.0".equals(image.imdsSupport());
        String tokens = v2 ? "required" : "optional";
        int hops = v2 ? 2 : 1;
        String endpoint = "enabled";
        String ipv6 = "disabled";
        String tags = "disabled";
        if (options != null) {
            tokens = options.httpTokensAsString() != null ? options.httpTokensAsString() : tokens;
            hops = options.httpPutResponseHopLimit() != null ? options.httpPutResponseHopLimit() : hops;
            endpoint = options.httpEndpointAsString() != null ? options.httpEndpointAsString() : endpoint;
            ipv6 = options.httpProtocolIpv6AsString() != null ? options.httpProtocolIpv6AsString() : ipv6;
            tags = options.instanceMetadataTagsAsString() != null ? options.instanceMetadataTagsAsString() : tags;
        }
        return MetadataChecks.check(new InstanceSettings.MetadataOptions(tokens, hops, endpoint, ipv6, tags));
    }

    private static InstanceProfiles.Profile profile(RunInstancesRequest request, ComputeStore store, String accountId) {
        if (request.iamInstanceProfile() == null) {
            return null;
        }
        String arn = request.iamInstanceProfile().arn();
        String name = request.iamInstanceProfile().name();
        return IamProfiles.resolve(store, accountId, arn, name);
    }
}
