package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceResponse;

/** Tags on any RDS resource by ARN; the resource must exist (its own not-found error otherwise). */
public final class TagsProvider implements ServiceProvider {
    private static final int MAX_TAGS = 50;
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
        // the tag calls name their resource by ARN: authorized on it when it is one, on "*" otherwise (then refused)
        context.addRuleResolver("rdsArn", (value, call) -> value.startsWith("arn:") ? List.of(value) : List.of());
    }

    public AddTagsToResourceResponse addTagsToResource(CallContext ctx, AddTagsToResourceRequest request) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Map<String, String> added = RdsTags.of(request.tags());
        synchronized (state.lock) {
            String arn = existing(ctx, state, request.resourceName());
            Map<String, String> merged = new LinkedHashMap<>(state.tagsOf(arn));
            merged.putAll(added);
            if (merged.size() > MAX_TAGS) {
                throw io.cloudjar.core.errors.AwsErrors.badRequest("TagQuotaPerResourceExceeded",
                        "You have exceeded the number of tags for resource %s", arn);
            }
            state.putTags(arn, added);
        }
        return AddTagsToResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(CallContext ctx, ListTagsForResourceRequest request) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        String arn = existing(ctx, state, request.resourceName());
        return ListTagsForResourceResponse.builder().tagList(RdsTags.toSdk(state.tagsOf(arn))).build();
    }

    public RemoveTagsFromResourceResponse removeTagsFromResource(CallContext ctx, RemoveTagsFromResourceRequest request) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Set<String> keys = new HashSet<>(request.tagKeys());
        synchronized (state.lock) {
            String arn = existing(ctx, state, request.resourceName());
            Map<String, String> kept = new LinkedHashMap<>(state.tagsOf(arn));
            kept.keySet().removeAll(keys);
            state.tags.put(arn, java.util.Collections.unmodifiableMap(kept));
        }
        return RemoveTagsFromResourceResponse.builder().build();
    }

    private static String existing(CallContext ctx, RdsState state, String arn) {
        String[] typeAndName = RdsArns.parse(arn, ctx.region(), ctx.accountId());
        if (typeAndName == null) {
            throw RdsErrors.invalidValue("The specified resource name does not match an RDS resource in this region.");
        }
        String name = typeAndName[1].toLowerCase(Locale.ROOT);
        boolean exists = switch (typeAndName[0]) {
            case RdsArns.DB -> {
                Instances.find(state, name, ctx.receivedAt());
                yield true;
            }
            case RdsArns.SUBNET_GROUP -> state.subnetGroups.containsKey(name) || fail(RdsErrors.subnetGroupNotFound(typeAndName[1]));
            case RdsArns.PARAMETER_GROUP -> state.parameterGroups.containsKey(name) || fail(RdsErrors.parameterGroupNotFound(typeAndName[1]));
            case RdsArns.SNAPSHOT -> state.snapshots.containsKey(name) || fail(RdsErrors.snapshotNotFound(typeAndName[1]));
            case RdsArns.OPTION_GROUP -> state.optionGroups.containsKey(name) || fail(OptionGroupsProvider.notFound(typeAndName[1]));
            case RdsArns.CLUSTER -> {
                Clusters.find(state, name, ctx.receivedAt());
                yield true;
            }
            case RdsArns.CLUSTER_PARAMETER_GROUP -> state.clusterParameterGroups.containsKey(name)
                    || fail(RdsErrors.clusterParameterGroupNotFound(typeAndName[1]));
            case RdsArns.CLUSTER_SNAPSHOT -> state.clusterSnapshots.containsKey(name) || fail(RdsErrors.clusterSnapshotNotFound(typeAndName[1]));
            default -> false;
        };
        if (!exists) {
            throw RdsErrors.invalidValue("The specified resource name does not match an RDS resource in this region.");
        }
        return RdsArns.of(ctx.region(), ctx.accountId(), typeAndName[0], name);
    }

    private static boolean fail(RuntimeException e) {
        throw e;
    }
}
