package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Filters;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The steps every Describe call of this module shares, in the order AWS checks them: filter names, page
 * size, ids together with a page size, then the ids themselves (the first unknown one is reported), the
 * filters, and a page of what matched, sorted by id.
 */
final class Describe<R> {
    static final int MIN_RESULTS = 5;
    static final int MAX_RESULTS = 1000;

    private final Filters<R> filters;
    private final Function<R, String> id;
    private final String idsParameter;
    private int maxResults = MAX_RESULTS;

    Describe(Filters<R> filters, Function<R, String> id, String idsParameter) {
        this.filters = filters;
        this.id = id;
        this.idsParameter = idsParameter;
    }

    /** For calls whose page size AWS caps lower (DescribeRouteTables: 100). */
    Describe<R> maxResults(int max) {
        this.maxResults = max;
        return this;
    }

    /** Validates the request; call before taking the state's lock. */
    List<Filters.Filter> check(List<Filter> sdkFilters, Collection<String> ids, Integer pageSize) {
        List<Filters.Filter> converted = Ec2Filters.of(sdkFilters);
        filters.validate(converted);
        DescribePaging.checkMaxResults(pageSize, MIN_RESULTS, maxResults);
        DescribePaging.rejectIdsWithMaxResults(ids, pageSize, idsParameter);
        return converted;
    }

    /**
     * Renders every resource of the table (under the state's read lock), then picks the ids asked for, the
     * matching ones and one page. Filters work on the rendered SDK objects, so they see what callers see.
     */
    <T extends Resource> Pages.Page<R> run(NetworkState state, Table<T> table, Function<T, R> view, List<Filter> sdkFilters,
                                           Collection<String> ids, Integer pageSize, String nextToken) {
        List<Filters.Filter> converted = check(sdkFilters, ids, pageSize);
        List<R> candidates = state.read(() -> ids.isEmpty()
                ? table.all().stream().map(view).toList()
                : new LinkedHashSet<>(ids).stream().map(i -> view.apply(table.get(i))).toList());
        return page(candidates, converted, pageSize, nextToken);
    }

    /** The matching ones of already rendered candidates, one page of them. */
    Pages.Page<R> page(Collection<R> candidates, List<Filters.Filter> converted, Integer pageSize, String nextToken) {
        List<R> matching = candidates.stream().filter(r -> filters.matches(r, converted)).toList();
        return DescribePaging.page(matching, id, pageSize, nextToken);
    }
}
