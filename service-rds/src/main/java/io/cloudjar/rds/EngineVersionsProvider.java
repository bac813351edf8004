package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsResponse;

/** RDS DescribeDBEngineVersions over the static {@link EngineCatalog}. */
public final class EngineVersionsProvider implements ServiceProvider {
    private static final Filters<EngineVersion> FILTERS = new Filters<EngineVersion>()
            .onValue("db-parameter-group-family", EngineVersion::family)
            .onValue("engine", EngineVersion::engine)
            .on("engine-mode", EngineVersion::engineModes)
            .onValue("engine-version", EngineVersion::version)
            .onValue("status", EngineVersion::status);
    private static final Set<String> FILTER_NAMES =
            Set.of("db-parameter-group-family", "engine", "engine-mode", "engine-version", "status");

    @Override
    public String api() {
        return "rds";
    }

    /** The core names the method after the request class; the SDK client's is {@code describeDBEngineVersions}. */
    public DescribeDbEngineVersionsResponse describeDBEngineVersions(CallContext ctx, DescribeDbEngineVersionsRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        List<Filters.Filter> filters = filters(request);
        String engine = request.engine();
        String family = request.dbParameterGroupFamily();
        boolean includeAll = Boolean.TRUE.equals(request.includeAll());
        // An engine, version or family RDS does not offer is no error: the list is just empty, as on AWS.
        List<EngineVersion> matching = EngineCatalog.all().stream()
                .filter(v -> includeAll || v.available())
                .filter(v -> engine == null || v.engine().equalsIgnoreCase(engine))
                .filter(v -> v.matchesVersion(request.engineVersion()))
                .filter(v -> family == null || v.family().equalsIgnoreCase(family))
                .filter(v -> FILTERS.matches(v, filters))
                .toList();
        if (Boolean.TRUE.equals(request.defaultOnly())) {
            matching = defaults(matching);
        }
        Pages.Page<EngineVersion> page = Pages.page(matching, EngineVersion::sortKey, maxRecords, request.marker());
        boolean charsets = Boolean.TRUE.equals(request.listSupportedCharacterSets());
        boolean zones = Boolean.TRUE.equals(request.listSupportedTimezones());
        return DescribeDbEngineVersionsResponse.builder()
                .dbEngineVersions(page.items().stream().map(v -> v.toSdk(charsets, zones)).toList())
                .marker(page.nextToken())
                .build();
    }

    /**
     * "The default version of the specified engine or the engine and major version combination": per engine
     * its default when that is among the matches, otherwise the preferred minor of each matched major version.
     */
    static List<EngineVersion> defaults(List<EngineVersion> matching) {
        Set<String> withDefault = matching.stream().filter(EngineVersion::engineDefault)
                .map(EngineVersion::engine).collect(Collectors.toSet());
        return matching.stream()
                .filter(v -> v.engineDefault() || (v.majorDefault() && !withDefault.contains(v.engine())))
                .toList();
    }

    private static List<Filters.Filter> filters(DescribeDbEngineVersionsRequest request) {
        List<Filters.Filter> filters = RdsRequests.filters(request.filters());
        for (Filters.Filter filter : filters) {
            if (filter.name() == null || !FILTER_NAMES.contains(filter.name())) {
                throw AwsErrors.badRequest("InvalidParameterValue", "Unrecognized filter name: %s", filter.name());
            }
        }
        return filters;
    }
}
