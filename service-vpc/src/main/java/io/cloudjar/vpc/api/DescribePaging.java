package io.cloudjar.vpc.api;

import io.cloudjar.core.errors.AwsErrors;
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
            throw AwsErrors.badRequest("InvalidParameterValue",
                    "Value ( %d ) for parameter MaxResults is invalid. Expecting a value greater than or equal to %d.", maxResults, min);
        }
        if (maxResults > max) {
            throw AwsErrors.badRequest("InvalidParameterValue",
                    "Value ( %d ) for parameter MaxResults is invalid. Expecting a value smaller than or equal to %d.", maxResults, max);
        }
    }

    /** EC2 refuses to page an explicit id list; {@code idsParameter} is named as the operation names it. */
    public static void rejectIdsWithMaxResults(Collection<String> ids, Integer maxResults, String idsParameter) {
        if (maxResults != null && ids != null && !ids.isEmpty()) {
            throw AwsErrors.badRequest("InvalidParameterCombination",
                    "The parameter %s cannot be used with the parameter MaxResults", idsParameter);
        }
    }

    /** One page of {@code items}, sorted by {@code id}. */
    public static <T> Pages.Page<T> page(Collection<T> items, Function<T, String> id, Integer maxResults, String nextToken) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(id)).toList();
        return Pages.page(sorted, id, maxResults, nextToken, DescribePaging::invalidNextToken);
    }

    /** EC2's answer to a NextToken it did not hand out (as DescribeVpcs words it). */
    public static AwsException invalidNextToken(String token) {
        return AwsErrors.badRequest("InvalidParameterValue", "Value ( %s ) for parameter NextToken is invalid. The token is invalid.",
                token);
    }
}
