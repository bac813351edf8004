package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.GetBucketMetricDataRequest;
import software.amazon.awssdk.services.lightsail.model.GetBucketMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.GetContainerServiceMetricDataRequest;
import software.amazon.awssdk.services.lightsail.model.GetContainerServiceMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.GetDistributionMetricDataRequest;
import software.amazon.awssdk.services.lightsail.model.GetDistributionMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstanceMetricDataRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstanceMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerMetricDataRequest;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseMetricDataRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.MetricDatapoint;
import software.amazon.awssdk.services.lightsail.model.MetricStatistic;
import software.amazon.awssdk.services.lightsail.model.MetricUnit;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Get{Instance,RelationalDatabase,LoadBalancer,ContainerService,Bucket,Distribution}MetricData shaped as AWS answers them: one
 * datapoint per whole period in the window (up to now) in which the resource recorded samples
 * ({@link MetricSamples}: the same samples alarms evaluate), with the statistics asked for, in the metric's own unit
 * (a different unit is refused; container service metrics name none).
 */
public final class MetricsProvider extends LightsailProvider {

    public GetInstanceMetricDataResponse getInstanceMetricData(CallContext ctx, GetInstanceMetricDataRequest r) {
        LightsailState state = state(ctx);
        InstanceRecord instance = state.instances.get(r.instanceName());
        return GetInstanceMetricDataResponse.builder().metricName(r.metricName())
                .metricData(data(ctx, state, instance, r.metricNameAsString(), r.unit(), r.unitAsString(), r.period(),
                        r.startTime(), r.endTime(), r.statistics())).build();
    }

    public GetRelationalDatabaseMetricDataResponse getRelationalDatabaseMetricData(CallContext ctx,
            GetRelationalDatabaseMetricDataRequest r) {
        LightsailState state = state(ctx);
        RelationalDatabaseRecord database = state.databases.get(r.relationalDatabaseName());
        return GetRelationalDatabaseMetricDataResponse.builder().metricName(r.metricName())
                .metricData(data(ctx, state, database, r.metricNameAsString(), r.unit(), r.unitAsString(), r.period(),
                        r.startTime(), r.endTime(), r.statistics())).build();
    }

    public GetLoadBalancerMetricDataResponse getLoadBalancerMetricData(CallContext ctx, GetLoadBalancerMetricDataRequest r) {
        LightsailState state = state(ctx);
        LoadBalancerRecord balancer = state.loadBalancers.get(r.loadBalancerName());
        return GetLoadBalancerMetricDataResponse.builder().metricName(r.metricName())
                .metricData(data(ctx, state, balancer, r.metricNameAsString(), r.unit(), r.unitAsString(), r.period(),
                        r.startTime(), r.endTime(), r.statistics())).build();
    }

    public GetContainerServiceMetricDataResponse getContainerServiceMetricData(CallContext ctx,
            GetContainerServiceMetricDataRequest r) {
        LightsailState state = state(ctx);
        ContainerServiceRecord service = state.containerServices.get(r.serviceName());
        MetricUnit unit = LightsailMetrics.of(ResourceType.CONTAINER_SERVICE, r.metricNameAsString()).unit();
        return GetContainerServiceMetricDataResponse.builder().metricName(r.metricName())
                .metricData(data(ctx, state, service, r.metricNameAsString(), unit, unit.toString(), r.period(),
                        r.startTime(), r.endTime(), r.statistics())).build();
    }

    public GetBucketMetricDataResponse getBucketMetricData(CallContext ctx, GetBucketMetricDataRequest r) {
        LightsailState state = state(ctx);
        BucketRecord bucket = state.buckets.get(r.bucketName());
        return GetBucketMetricDataResponse.builder().metricName(r.metricName())
                .metricData(data(ctx, state, bucket, r.metricNameAsString(), r.unit(), r.unitAsString(), r.period(),
                        r.startTime(), r.endTime(), r.statistics())).build();
    }

    public GetDistributionMetricDataResponse getDistributionMetricData(CallContext ctx, GetDistributionMetricDataRequest r) {
        Distributions.scope(ctx);
        LightsailState state = state(ctx);
        DistributionRecord distribution = state.distributions.get(r.distributionName());
        return GetDistributionMetricDataResponse.builder().metricName(r.metricName())
                .metricData(data(ctx, state, distribution, r.metricNameAsString(), r.unit(), r.unitAsString(), r.period(),
                        r.startTime(), r.endTime(), r.statistics())).build();
    }

    private List<MetricDatapoint> data(CallContext ctx, LightsailState state, LightsailResource<?> resource,
            String metric, MetricUnit unit, String unitText, Integer period, Instant start, Instant end,
            List<MetricStatistic> statistics) {
        LightsailMetrics.Spec spec = LightsailMetrics.checkUnit(resource.meta().type(), metric, unit, unitText);
        return MetricQueries.datapoints(MetricSamples.of(state, store.timings(), resource), metric, spec.unit(), period,
                start, end, statistics, ctx.receivedAt());
    }
}
