package io.cloudjar.core.server;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.pipeline.RequestPipeline;
import io.cloudjar.core.runtime.EmulatorRuntime;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Cloudjar: Netty accepts connections and parses HTTP on its event loops; worker threads run
 * the request pipeline (which may block on a streaming body or on disk).
 */
public final class CloudjarServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudjarServer.class);

    private final EmulatorRuntime runtime;
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final WorkerPool workers;
    private final Channel channel;

    private CloudjarServer(EmulatorRuntime runtime, EventLoopGroup boss, EventLoopGroup io, WorkerPool workers, Channel channel) {
        this.runtime = runtime;
        this.boss = boss;
        this.io = io;
        this.workers = workers;
        this.channel = channel;
    }

    /** Starts a server on the wall clock and returns once its port accepts calls. */
    public static CloudjarServer start(EmulatorConfig config) throws InterruptedException {
        return start(config, Clock.systemUTC());
    }

    /** Starts a server whose emulator clock runs on {@code baseClock} (tests: a fixed clock they move). */
    public static CloudjarServer start(EmulatorConfig config, Clock baseClock) throws InterruptedException {
        NetworkSettings settings = NetworkSettings.from(config); // a bad setting stops start-up before anything starts
        EmulatorRuntime runtime = new EmulatorRuntime(config, baseClock);
        RequestPipeline pipeline = new RequestPipeline(runtime);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        WorkerPool workers = new WorkerPool(settings.workerThreads());
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.MESSAGE_SIZE_ESTIMATOR, FileRegionSizeEstimator.INSTANCE)
                    .childHandler(new HttpChannelInitializer(pipeline, runtime.clock(), workers, settings))
                    .bind(config.host(), config.port())
                    .sync()
                    .channel();
            try {
                runtime.providers().awaitWiring(); // checked while the port opened; a mismatch stops start-up here
            } catch (RuntimeException miswired) {
                channel.close().awaitUninterruptibly();
                throw miswired;
            }
            CloudjarServer server = new CloudjarServer(runtime, boss, io, workers, channel);
            LOG.info("Cloudjar listening on {}:{}", config.host(), server.port());
            return server;
        } catch (InterruptedException | RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            io.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownNow();
            runtime.close();
            throw e;
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String endpoint() {
        return "http://" + ((InetSocketAddress) channel.localAddress()).getHostString() + ":" + port();
    }

    public EmulatorRuntime runtime() {
        return runtime;
    }

    /** The request workers, for tests in this package that wait for requests to reach them. */
    WorkerPool workers() {
        return workers;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdown();
        runtime.close();
        LOG.info("Cloudjar stopped");
    }
}
