package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesRequest;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesResponse;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;

/** The AWS-managed prefix lists (S3 and DynamoDB of the region), read-only as in AWS. */
public final class PrefixListProvider extends NetworkProvider {
    private static final Filters<PrefixList> FILTERS = new Filters<PrefixList>()
            .onValue("prefix-list-id", PrefixList::prefixListId)
            .onValue("prefix-list-name", PrefixList::prefixListName);
    private static final Filters<ManagedPrefixList> MANAGED_FILTERS = new Filters<ManagedPrefixList>()
            .onValue("owner-id", ManagedPrefixList::ownerId)
            .onValue("prefix-list-id", ManagedPrefixList::prefixListId)
            .onValue("prefix-list-name", ManagedPrefixList::prefixListName);
    private static final Describe<PrefixList> DESCRIBE = new Describe<>(FILTERS, PrefixList::prefixListId, "PrefixListIds");
    private static final Describe<ManagedPrefixList> DESCRIBE_MANAGED =
            new Describe<>(MANAGED_FILTERS, ManagedPrefixList::prefixListId, "PrefixListIds").maxResults(100);

    public DescribePrefixListsResponse describePrefixLists(CallContext ctx, DescribePrefixListsRequest request) {
        var filters = DESCRIBE.check(request.filters(), request.prefixListIds(), request.maxResults());
        List<PrefixList> candidates = lists(ctx.region(), request.prefixListIds()).stream()
                .map(p -> PrefixList.builder().prefixListId(p.id()).prefixListName(p.name()).cidrs(p.cidrs()).build()).toList();
        Pages.Page<PrefixList> page = DESCRIBE.page(candidates, filters, request.maxResults(), request.nextToken());
        return DescribePrefixListsResponse.builder().prefixLists(page.items()).nextToken(page.nextToken()).build();
    }

    public DescribeManagedPrefixListsResponse describeManagedPrefixLists(CallContext ctx, DescribeManagedPrefixListsRequest request) {
        var filters = DESCRIBE_MANAGED.check(request.filters(), request.prefixListIds(), request.maxResults());
        List<ManagedPrefixList> candidates = lists(ctx.region(), request.prefixListIds()).stream()
                .map(p -> ManagedPrefixList.builder().prefixListId(p.id()).prefixListName(p.name()).addressFamily("IPv4")
                        .state("create-complete").prefixListArn("arn:aws:ec2:" + ctx.region() + ":aws:prefix-list/" + p.id())
                        .version(1L).ownerId("AWS").build()).toList();
        Pages.Page<ManagedPrefixList> page = DESCRIBE_MANAGED.page(candidates, filters, request.maxResults(), request.nextToken());
        return DescribeManagedPrefixListsResponse.builder().prefixLists(page.items()).nextToken(page.nextToken()).build();
    }

    public GetManagedPrefixListEntriesResponse getManagedPrefixListEntries(CallContext ctx, GetManagedPrefixListEntriesRequest request) {
        DescribePaging.checkMaxResults(request.maxResults(), 1, 100);
        PrefixLists.PrefixList list = PrefixLists.require(state(ctx), request.prefixListId());
        Pages.Page<String> page = DescribePaging.page(list.cidrs(), c -> c, request.maxResults(), request.nextToken());
        return GetManagedPrefixListEntriesResponse.builder()
                .entries(page.items().stream().map(c -> PrefixListEntry.builder().cidr(c).build()).toList())
                .nextToken(page.nextToken()).build();
    }

    private List<PrefixLists.PrefixList> lists(String region, List<String> ids) {
        if (ids.isEmpty()) {
            return PrefixLists.of(region);
        }
        return new LinkedHashSet<>(ids).stream().map(id -> PrefixLists.find(region, id).orElseThrow(
                () -> Ec2Errors.of("InvalidPrefixListID.NotFound", id))).toList();
    }
}
