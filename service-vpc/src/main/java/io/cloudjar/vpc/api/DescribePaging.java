package io.cloudjar.vpc.api;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.support.Pages;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The paging rules EC2 Describe calls share: MaxResults within the operation's range, never together
 * with an explicit id list, and NextToken pages over items sorted by id so that tokens stay stable.
 */
public final class DescribePaging {
    private DescribePaging() {
    }

    /**
     * Rejects MaxResults outside {@code min..max}. The core already checks ranges the AWS model declares;
     * this covers operations whose model leaves the range out.
     */
    public static void checkMaxResults(Integer maxResults, int min, int max) {
        if (maxResults == null) {
            return;
        }
        if (maxResults < min) {
            throw Ec2Errors.of("InvalidParameterValue#maxResultsLow", maxResults, min);
        }
        if (maxResults > max) {
            throw Ec2Errors.of("InvalidParameterValue#maxResultsHigh", maxResults, max);
        }
    }

    /** EC2 refuses to page an explicit id list; {@code idsParameter} is named as the operation names it. */
    public static void rejectIdsWithMaxResults(Collection<String> ids, Integer maxResults, String idsParameter) {
        if (maxResults != null && ids != null && !ids.isEmpty()) {
            throw Ec2Errors.of("InvalidParameterCombination#maxResults", idsParameter);
        }
    }

    /** One page of {@code items}, sorted by {@code id}. */
    public static <T> Pages.Page<T> page(Collection<T> items, Function<T, String> id, Integer maxResults, String nextToken) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(id)).toList();
        return Pages.page(sorted, id, maxResults, nextToken, DescribePaging::invalidNextToken);
    }

    /** EC2's answer to a NextToken it did not hand out (as DescribeVpcs words it). */
    public static AwsException invalidNextToken(String token) {
        return Ec2Errors.of("InvalidParameterValue#nextToken", token);
    }
}
