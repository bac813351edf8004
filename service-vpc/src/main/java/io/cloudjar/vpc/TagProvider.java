package io.cloudjar.vpc;

import io.cloudjar.core.auth.Arn;
import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagRegistry;
import io.cloudjar.vpc.api.TaggableType;
import io.cloudjar.vpc.api.Tags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * CreateTags, DeleteTags and DescribeTags for every EC2 resource type registered here: this module's own
 * at start-up, and other modules' (instances, volumes, images, …) through {@link TagRegistry}.
 */
public final class TagProvider extends NetworkProvider implements TagRegistry {
    static final int MAX_TAGS = 50;
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;
    private static final Filters<TagDescription> FILTERS = new Filters<TagDescription>()
            .onValue("key", TagDescription::key)
            .onValue("resource-id", TagDescription::resourceId)
            .onValue("resource-type", TagDescription::resourceTypeAsString)
            .onValue("value", TagDescription::value)
            .withTags(d -> Map.of(d.key(), d.value()));

    private final Map<String, TaggableType> types = new ConcurrentHashMap<>();

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        OwnTaggableTypes.register(this, store);
        context.addRuleResolver(Ec2ResourceArns.NAME, new Ec2ResourceArns(types));
        context.addResourcePolicies(this::resourceTags);
        AssociationResolvers.register(context, store);
    }

    /**
     * What a policy sees of an EC2 resource: its tags as {@code ec2:ResourceTag/<key>} and {@code aws:ResourceTag/<key>}
     * ({@code arn:aws:ec2:<region>:<account>:<type>/<id>}). EC2 resources have no resource-based policy; images and
     * snapshots (no account in their ARNs) and resources that do not exist are left to the ARN's account.
     */
    private Optional<ResourcePolicies.ResourcePolicy> resourceTags(String arn) {
        return Arn.parse(arn).filter(a -> a.service().equals("ec2") && !a.account().isEmpty()).flatMap(a -> {
            String id = a.resourceName();
            return typeOf(id).flatMap(type -> type.accessor().tags(new Scope(a.account(), a.region()), id))
                    .map(tags -> new ResourcePolicies.ResourcePolicy(a.account(), null, null, ResourcePolicies.tagKeys("ec2", tags)));
        });
    }

    @Override
    public void register(TaggableType type) {
        if (types.putIfAbsent(type.idPrefix(), type) != null) {
            throw new IllegalStateException("id prefix already registered for tagging: " + type.idPrefix());
        }
    }

    @Override
    public Optional<TaggableType> typeOf(String resourceId) {
        int dash = resourceId == null ? -1 : resourceId.lastIndexOf('-');
        return dash <= 0 ? Optional.empty() : Optional.ofNullable(types.get(resourceId.substring(0, dash)));
    }

    public CreateTagsResponse createTags(CallContext ctx, CreateTagsRequest request) {
        Map<String, String> tags = validTags(request.tags());
        Scope scope = Scope.of(ctx);
        List<TaggableType> targets = existing(scope, request.resources());
        for (int i = 0; i < targets.size(); i++) {
            String id = request.resources().get(i);
            Map<String, String> current = targets.get(i).accessor().tags(scope, id).orElseThrow(() -> notFound(id));
            Map<String, String> merged = new LinkedHashMap<>(current);
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw Ec2Errors.of("TagLimitExceeded");
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).accessor().update(scope, request.resources().get(i), current -> {
                Map<String, String> next = new LinkedHashMap<>(current);
                next.putAll(tags);
                return next;
            });
        }
        return CreateTagsResponse.builder().build();
    }

    /**
     * A tag given with a value is removed only when the value matches (an empty value matches an empty
     * value); without a value it is removed whatever its value; with no tags at all, every tag goes.
     */
    public DeleteTagsResponse deleteTags(CallContext ctx, DeleteTagsRequest request) {
        Scope scope = Scope.of(ctx);
        List<TaggableType> targets = existing(scope, request.resources());
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).accessor().update(scope, request.resources().get(i), current -> {
                if (request.tags().isEmpty()) {
                    return Map.of();
                }
                Map<String, String> next = new LinkedHashMap<>(current);
                for (Tag tag : request.tags()) {
                    if (tag.value() == null || tag.value().equals(next.get(tag.key()))) {
                        next.remove(tag.key());
                    }
                }
                return next;
            });
        }
        return DeleteTagsResponse.builder().build();
    }

    public DescribeTagsResponse describeTags(CallContext ctx, DescribeTagsRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), Describe.MIN_RESULTS, Describe.MAX_RESULTS);
        Scope scope = Scope.of(ctx);
        List<TagDescription> all = new ArrayList<>();
        for (TaggableType type : types.values()) {
            type.accessor().tagged(scope).forEach((id, tags) -> tags.forEach((key, value) -> all.add(TagDescription.builder()
                    .resourceId(id).resourceType(type.resourceType()).key(key).value(value).build())));
        }
        List<TagDescription> matching = all.stream().filter(d -> FILTERS.matches(d, filters))
                .sorted(Comparator.comparing(TagDescription::resourceId).thenComparing(TagDescription::key)).toList();
        Pages.Page<TagDescription> page = Pages.page(matching, d -> d.resourceId() + "\u0000" + d.key(), request.maxResults(),
                request.nextToken(), DescribePaging::invalidNextToken);
        return DescribeTagsResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
    }

    /** The type of every resource, all of which must exist, so nothing changes when one id is wrong. */
    private List<TaggableType> existing(Scope scope, List<String> resources) {
        if (resources.isEmpty()) {
            throw Ec2Errors.of("MissingParameter", "resourceIdSet");
        }
        List<TaggableType> out = new ArrayList<>();
        for (String id : resources) {
            TaggableType type = typeOf(id).orElseThrow(() -> Ec2Errors.of("InvalidID", id));
            if (type.accessor().tags(scope, id).isEmpty()) {
                throw type.notFound().apply(id);
            }
            out.add(type);
        }
        return out;
    }

    private io.cloudjar.core.errors.AwsException notFound(String id) {
        return typeOf(id).orElseThrow().notFound().apply(id);
    }

    private static Map<String, String> validTags(List<Tag> tags) {
        if (tags.isEmpty()) {
            throw Ec2Errors.of("MissingParameter", "tagSet");
        }
        for (Tag tag : tags) {
            if (tag.key() != null && tag.key().length() > MAX_KEY) {
                throw Ec2Errors.of("InvalidParameterValue#tagKeyLength", MAX_KEY);
            }
            if (tag.value() != null && tag.value().length() > MAX_VALUE) {
                throw Ec2Errors.of("InvalidParameterValue#tagValueLength", MAX_VALUE);
            }
        }
        return Tags.toMap(new LinkedHashSet<>(tags));
    }
}
