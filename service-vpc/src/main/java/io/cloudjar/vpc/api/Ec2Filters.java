package io.cloudjar.vpc.api;

import io.cloudjar.core.support.Filters;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;

/** Converts the EC2 SDK's {@code Filter} list to the core's service-neutral filters. */
public final class Ec2Filters {
    private Ec2Filters() {
    }

    public static List<Filters.Filter> of(List<Filter> filters) {
        return filters.stream().map(Ec2Filters::convert).toList();
    }

    private static Filters.Filter convert(Filter filter) {
        // A Filter.N.Value without Filter.N.Name would otherwise reach Filters.validate as a null name.
        if (filter.name() == null) {
            throw Ec2Errors.of("InvalidParameterValue#filterNull");
        }
        return new Filters.Filter(filter.name(), filter.values());
    }
}
