package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.MetricStatistic;

/**
 * The samples Lightsail would have recorded for one resource: one a minute while the resource reports (bucket
 * storage once a day, at midnight UTC). Nothing runs behind Lightsail's resources, so the values are an idle
 * resource's, steady per resource name, metric and minute: the same call answers the same data, a test (or a
 * learner) can choose an alarm threshold that trips, and what changes a metric is what Cloudjar does know — an
 * instance stopped has no samples, a load balancer counts its healthy instances, a bucket holds no objects.
 */
final class MetricSamples {
    private static final double GIB = 1024.0 * 1024 * 1024;

    /** Where samples come from: the value at {@code t}, or null when the resource recorded none then. */
    interface Source {
        Double at(String metric, Instant t);

        /** Seconds between samples. */
        default int every(String metric) {
            return 60;
        }
    }

    /** The samples of one period. */
    record Stats(int count, double sum, double min, double max) {
        double average() {
            return sum / count;
        }

        double value(MetricStatistic statistic) {
            return switch (statistic) {
                case AVERAGE -> average();
                case SUM -> sum;
                case MINIMUM -> min;
                case MAXIMUM -> max;
                case SAMPLE_COUNT -> count;
                default -> throw LightsailErrors.invalidInput("The statistic is not valid: %s", statistic);
            };
        }
    }

    private MetricSamples() {
    }

    /** The samples in [start, start + seconds), or empty when there are none. */
    static Optional<Stats> over(Source source, String metric, Instant start, long seconds) {
        long every = source.every(metric);
        long end = start.getEpochSecond() + seconds;
        int count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (long t = Math.floorDiv(start.getEpochSecond() + every - 1, every) * every; t < end; t += every) {
            Double v = source.at(metric, Instant.ofEpochSecond(t));
            if (v != null) {
                count++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new Stats(count, sum, min, max));
    }

    /** The samples of {@code resource} (an instance, managed database, load balancer, container service, bucket or distribution). */
    static Source of(LightsailState state, LightsailTimings timings, LightsailResource<?> resource) {
        String seed = resource.meta().type() + "/" + resource.name();
        if (resource instanceof InstanceRecord i) {
            return (metric, t) -> running(state, i, timings, t) ? instance(seed, metric, t) : null;
        }
        if (resource instanceof RelationalDatabaseRecord d) {
            return (metric, t) -> "available".equals(d.state(t)) || state.runs.ranAt(d.meta().arn(), t)
                    ? database(d, seed, metric, t) : null;
        }
        if (resource instanceof LoadBalancerRecord b) {
            return (metric, t) -> t.isBefore(b.activeAt()) ? null : balancer(state, timings, b, metric, t);
        }
        if (resource instanceof ContainerServiceRecord c) {
            return (metric, t) -> !c.disabled() && !t.isBefore(c.readyAt()) && c.current(t).isPresent()
                    ? (metric.equals("MemoryUtilization") ? 8 + noise(seed, metric, t) * 4 : 0.5 + noise(seed, metric, t) * 2)
                    : null;
        }
        if (resource instanceof DistributionRecord d) {
            Instant firstDeployed = d.meta().createdAt().plus(Distributions.deployment(timings));
            return (metric, t) -> d.enabled() && !t.isBefore(firstDeployed) ? distribution(d, seed, metric, t) : null;
        }
        if (resource instanceof BucketRecord b) {
            return new Source() {
                @Override
                public Double at(String metric, Instant t) {
                    return t.isBefore(b.meta().createdAt()) ? null : 0.0; // objects are not stored here: empty buckets
                }

                @Override
                public int every(String metric) {
                    return 86_400;
                }
            };
        }
        return (metric, t) -> null;
    }

    private static boolean running(LightsailState state, InstanceRecord instance, LightsailTimings timings, Instant t) {
        return InstanceRecord.RUNNING.equals(instance.state(t)) && !t.isBefore(instance.meta().createdAt().plus(timings.pending()))
                || state.runs.ranAt(instance.meta().arn(), t);
    }

    private static Double instance(String seed, String metric, Instant t) {
        double n = noise(seed, metric, t);
        return switch (metric) {
            case "CPUUtilization" -> 0.2 + n * 1.5;
            case "NetworkIn", "NetworkOut" -> 800 + n * 4000;
            case "BurstCapacityPercentage" -> 100.0;
            case "BurstCapacityTime" -> 43_200.0; // a full bucket: 12 hours at full speed
            default -> 0.0; // status checks pass; every metadata request uses a token
        };
    }

    private static Double database(RelationalDatabaseRecord database, String seed, String metric, Instant t) {
        double n = noise(seed, metric, t);
        return switch (metric) {
            case "CPUUtilization" -> 1 + n * 3;
            case "DiskQueueDepth" -> 0.001 + n * 0.004;
            case "FreeStorageSpace" -> DatabaseCatalog.bundle(database.bundleId()).map(b -> b.diskSizeInGb()).orElse(40) * GIB
                    - 1.5 * GIB - n * 1024 * 1024;
            case "NetworkReceiveThroughput", "NetworkTransmitThroughput" -> 40 + n * 200;
            default -> 0.0; // DatabaseConnections: Cloudjar does not count them
        };
    }

    /**
     * A quiet site behind a distribution: a few viewer requests a minute (crawlers, a visitor), each a small page;
     * uploads only when the distribution lets POST and PUT through; no errors.
     */
    private static Double distribution(DistributionRecord d, String seed, String metric, Instant t) {
        double requests = Math.floor(noise(seed, "Requests", t) * 4);
        return switch (metric) {
            case "Requests" -> requests;
            case "BytesDownloaded" -> requests * (2_000 + Math.floor(noise(seed, metric, t) * 30_000));
            case "BytesUploaded" -> DistributionCaching.acceptsUploads(d.cacheSettings()) && requests > 0
                    ? Math.floor(noise(seed, metric, t) * 500) : 0.0;
            default -> 0.0; // error rates: the origin answers every request
        };
    }

    /** Healthy hosts are the attached instances running past their first health checks; no traffic passes. */
    private static Double balancer(LightsailState state, LightsailTimings timings, LoadBalancerRecord balancer, String metric,
                                   Instant t) {
        return switch (metric) {
            case "HealthyHostCount" -> (double) balancer.instances().stream()
                    .filter(a -> !t.isBefore(a.attachedAt().plus(balancer.checkDelay())))
                    .filter(a -> state.instances.find(a.instanceName()).filter(i -> running(state, i, timings, t)).isPresent())
                    .count();
            case "UnhealthyHostCount" -> 0.0; // instances fail no health checks here; stopped ones are unused, not unhealthy
            default -> null; // requests, response times and errors: no traffic goes through an emulated balancer
        };
    }

    /** A steady value in [0, 1) per seed, metric and minute. */
    static double noise(String seed, String metric, Instant t) {
        long h = seed.hashCode() * 0x9E3779B97F4A7C15L + metric.hashCode() * 31L + Math.floorDiv(t.getEpochSecond(), 60);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) / (double) (1L << 53);
    }
}
