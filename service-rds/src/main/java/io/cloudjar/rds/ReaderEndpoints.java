package io.cloudjar.rds;

import io.cloudjar.rds.engine.LoopbackForwarder;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aurora's reader endpoints. AWS gives a cluster one port for both endpoints and tells them apart by name; here the
 * cluster endpoint is the cluster's server on {@code localhost}, and the reader endpoint is {@link #ADDRESS} on the
 * same port, passing each connection on to a reader's server (the writer's while the cluster has no reader, as AWS).
 * Opened when the cluster's server is ready, on the port it really got.
 */
final class ReaderEndpoints implements AutoCloseable {
    /** Another loopback address (Linux answers all of 127.0.0.0/8), so the reader endpoint can share the port. */
    static final String ADDRESS = "127.0.0.2";
    private static final Logger LOG = LoggerFactory.getLogger(ReaderEndpoints.class);
    private final Map<String, LoopbackForwarder> open = new ConcurrentHashMap<>();

    /** Opens (or moves) the reader endpoint of {@code cluster} once its server is ready; answers whether it is open. */
    boolean ensure(RdsState state, ClusterRecord cluster) {
        if (cluster.database() == null || !cluster.database().ready()) {
            return false;
        }
        int port = cluster.database().port();
        LoopbackForwarder current = open.get(cluster.resourceId());
        if (current != null && current.isOpen() && current.port() == port) {
            return true;
        }
        synchronized (this) {
            current = open.get(cluster.resourceId());
            if (current != null && current.isOpen() && current.port() == port) {
                return true;
            }
            if (current != null) {
                current.close();
            }
            String id = cluster.id();
            try {
                open.put(cluster.resourceId(), LoopbackForwarder.open(InetAddress.getByName(ADDRESS), port,
                        () -> readerPort(state, cluster.resourceId(), id)));
                return true;
            } catch (IOException e) {
                LOG.warn("Cannot open the reader endpoint of DB cluster {} on {}:{}: {}", id, ADDRESS, port, e.toString());
                return false;
            }
        }
    }

    /** A ready reader's server, else the cluster's own (AWS's reader endpoint reaches the writer when no reader is up). */
    private static int readerPort(RdsState state, String resourceId, String fallbackId) {
        ClusterRecord cluster = state.clusters.values().stream().filter(c -> c.resourceId().equals(resourceId))
                .findFirst().orElse(state.clusters.get(fallbackId));
        if (cluster == null || cluster.database() == null) {
            return -1;
        }
        // a deleted or stopped member's server is not ready: no clock needed to skip it
        return state.instanceClusters.entrySet().stream()
                .filter(e -> e.getValue().equals(cluster.id()) && !e.getKey().equals(cluster.writerId()))
                .map(e -> state.instances.get(e.getKey())).filter(i -> i != null && i.database() != null && i.database().ready())
                .sorted(java.util.Comparator.comparing(InstanceRecord::id))
                .map(i -> i.database().port()).findFirst().orElse(cluster.database().port());
    }

    void close(ClusterRecord cluster) {
        LoopbackForwarder forwarder = open.remove(cluster.resourceId());
        if (forwarder != null) {
            forwarder.close();
        }
    }

    @Override
    public void close() {
        open.values().forEach(LoopbackForwarder::close);
        open.clear();
    }
}
