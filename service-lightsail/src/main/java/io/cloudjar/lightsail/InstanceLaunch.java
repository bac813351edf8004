package io.cloudjar.lightsail;

import io.cloudjar.core.regions.RegionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.AddOn;
import software.amazon.awssdk.services.lightsail.model.AddOnRequest;
import software.amazon.awssdk.services.lightsail.model.AddOnType;
import software.amazon.awssdk.services.lightsail.model.Bundle;
import software.amazon.awssdk.services.lightsail.model.InstancePlatform;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * What CreateInstances and CreateInstancesFromSnapshot share: checking the zone, blueprint, bundle, key pair and add-ons,
 * and making the new instances in state pending, running once the pending time has passed.
 */
final class InstanceLaunch {
    /** The request's choices, checked. */
    record Plan(String zone, BlueprintCatalog.Entry blueprint, Bundle bundle, String keyPairName, String userData,
                Map<String, String> tags, List<AddOn> addOns, String ipAddressType) {
    }

    private InstanceLaunch() {
    }

    static Plan plan(LightsailState state, LightsailScope scope, String zone, String blueprintId, String bundleId,
                     String keyPairName, String userData, Map<String, String> tags, List<AddOnRequest> addOns,
                     String ipAddressType) {
        checkZone(scope, zone);
        BlueprintCatalog.Entry blueprint = BlueprintCatalog.find(blueprintId).filter(b -> b.blueprint().isActive())
                .orElseThrow(() -> LightsailErrors.invalidInput("The blueprint ID is not valid: %s", blueprintId));
        Bundle bundle = BundleCatalog.find(bundleId).filter(Bundle::isActive)
                .orElseThrow(() -> LightsailErrors.invalidInput("The bundle ID is not valid: %s", bundleId));
        InstancePlatform platform = blueprint.blueprint().platform();
        if (!bundle.supportedPlatforms().contains(platform)) {
            throw LightsailErrors.invalidInput("The bundle %s does not support the %s platform of blueprint %s.",
                    bundleId, platform, blueprintId);
        }
        if (bundle.power() < blueprint.blueprint().minPower()) {
            throw LightsailErrors.invalidInput("The bundle %s is too small for blueprint %s (minimum power %d).",
                    bundleId, blueprintId, blueprint.blueprint().minPower());
        }
        boolean ipv6Only = bundle.publicIpv4AddressCount() == 0;
        String type = ipAddressType == null ? (ipv6Only ? "ipv6" : "dualstack") : ipAddressType;
        if (ipv6Only != type.equals("ipv6")) {
            throw LightsailErrors.invalidInput(ipv6Only
                    ? "The bundle %s is IPv6-only: create its instances with ipAddressType ipv6."
                    : "The bundle %s has a public IPv4 address: use an IPv6-only bundle (..._ipv6_...) for ipAddressType ipv6.", bundleId);
        }
        if (keyPairName != null && !keyPairName.equals(KeyPairRecord.DEFAULT_NAME)) {
            state.keyPairs.get(keyPairName);
        }
        return new Plan(zone, blueprint, bundle, keyPairName, userData, tags, addOns(addOns, scope), type);
    }

    /** A zone of the region the call is made in, as the region catalogue lists them. */
    static void checkZone(LightsailScope scope, String zone) {
        boolean known = RegionCatalog.getOrDefault(scope.region()).zones().stream().anyMatch(z -> z.name().equals(zone));
        if (!known || !zone.startsWith(scope.region())) {
            throw LightsailErrors.invalidInput("The availability zone is not valid: %s", zone);
        }
    }

    /** Makes the instances (names already checked free, under the state lock); they are pending for {@code pending}. */
    static List<InstanceRecord> launch(LightsailState state, LightsailScope scope, List<String> names, Plan plan,
                                       java.time.Duration pending) {
        String keyName = plan.keyPairName() == null ? DefaultKeyPair.get(state, scope).name() : plan.keyPairName();
        List<Integer> ports = plan.blueprint().ports();
        boolean ipv4 = !plan.ipAddressType().equals("ipv6");
        boolean ipv6 = !plan.ipAddressType().equals("ipv4");
        List<InstanceRecord> made = new ArrayList<>();
        for (String name : names) {
            ResourceMeta meta = ResourceMeta.create(scope, ResourceType.INSTANCE, name, plan.zone(),
                    io.cloudjar.core.util.Ids.ec2("i"), plan.tags());
            InstanceRecord instance = new InstanceRecord(meta, plan.blueprint().blueprint().blueprintId(),
                    plan.blueprint().blueprint().name(), plan.bundle().bundleId(), keyName, plan.blueprint().username(),
                    plan.userData(), plan.addOns(), plan.ipAddressType(), state.addresses.privateIpv4(),
                    ipv4 ? state.addresses.publicIpv4() : null, ipv6 ? List.of(state.addresses.ipv6()) : List.of(), null,
                    ports.stream().map(p -> PortRule.open(p, ipv4, ipv6)).toList(),
                    InstanceRecord.RUNNING, InstanceRecord.PENDING, scope.now().plus(pending),
                    InstanceMetadata.defaults(scope.now()),
                    InstanceHostKeys.create(plan.blueprint().windows(), meta.supportCode(), scope.now().plus(pending)));
            state.instances.put(instance);
            AddOnsProvider.schedule(state, meta, plan.addOns(), scope.now());
            made.add(instance);
        }
        return made;
    }

    /** Check names: each one once, none taken. */
    static void checkNames(LightsailState state, List<String> names) {
        if (names.isEmpty()) {
            throw LightsailErrors.invalidInput("At least one instance name is required.");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw LightsailErrors.invalidInput("The instance names must be unique: %s", String.join(", ", names));
        }
        List<String> taken = names.stream().filter(state::nameTaken).toList();
        if (!taken.isEmpty()) {
            throw LightsailErrors.namesInUse(taken);
        }
    }

    /** The automatic snapshot add-on: daily at the hour asked ("HH:00", UTC), next one at that hour. */
    static List<AddOn> addOns(List<AddOnRequest> requests, LightsailScope scope) {
        List<AddOn> addOns = new ArrayList<>();
        for (AddOnRequest r : requests == null ? List.<AddOnRequest>of() : requests) {
            if (r.addOnType() == AddOnType.AUTO_SNAPSHOT) {
                String time = r.autoSnapshotAddOnRequest() == null || r.autoSnapshotAddOnRequest().snapshotTimeOfDay() == null
                        ? String.format("%02d:00", scope.now().atZone(java.time.ZoneOffset.UTC).getHour())
                        : r.autoSnapshotAddOnRequest().snapshotTimeOfDay();
                if (!time.matches("([01]\\d|2[0-3]):00")) {
                    throw LightsailErrors.invalidInput("The snapshot time of day must be on the hour, in HH:00 format: %s", time);
                }
                addOns.add(AddOn.builder().name("AutoSnapshot").status("Enabled").snapshotTimeOfDay(time)
                        .nextSnapshotTimeOfDay(time).build());
            } else if (r.addOnType() == AddOnType.STOP_INSTANCE_ON_IDLE) {
                var idle = r.stopInstanceOnIdleRequest();
                addOns.add(AddOn.builder().name("StopInstanceOnIdle").status("Enabled")
                        .threshold(idle == null ? null : idle.threshold()).duration(idle == null ? null : idle.duration()).build());
            } else {
                throw LightsailErrors.invalidInput("The add-on type is not valid: %s", r.addOnTypeAsString());
            }
        }
        return addOns;
    }
}
