package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.support.Filters;
import java.util.List;
import software.amazon.awssdk.services.rds.model.Filter;

/** Request rules every RDS Describe call shares. */
final class RdsRequests {
    static final int DEFAULT_MAX_RECORDS = 100;

    private RdsRequests() {
    }

    /** MaxRecords defaults to 100 and must lie in 20..100; the message is the one AWS sends. */
    static int maxRecords(Integer requested) {
        if (requested == null) {
            return DEFAULT_MAX_RECORDS;
        }
        if (requested < 20 || requested > 100) {
            throw AwsErrors.badRequest("InvalidParameterValue", "Invalid value %d for MaxRecords. Must be between 20 and 100", requested);
        }
        return requested;
    }

    static List<Filters.Filter> filters(List<Filter> filters) {
        return filters.stream().map(f -> new Filters.Filter(f.name(), f.values())).toList();
    }

    /** The filters, each of which must be one of {@code names} (AWS refuses any other). */
    static List<Filters.Filter> filters(List<Filter> filters, java.util.Set<String> names) {
        List<Filters.Filter> all = filters(filters);
        for (Filters.Filter filter : all) {
            if (filter.name() == null || !names.contains(filter.name())) {
                throw AwsErrors.badRequest("InvalidParameterValue", "Unrecognized filter name: %s", filter.name());
            }
        }
        return all;
    }
}
