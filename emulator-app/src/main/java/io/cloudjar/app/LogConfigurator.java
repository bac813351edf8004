package io.cloudjar.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback set up in code: parsing an XML configuration costs a few hundred milliseconds of start-up.
 * One line per event on stdout; {@code LOG_LEVEL} sets Cloudjar's level (INFO; {@code DEBUG=1} means DEBUG), {@code REQUEST_LOG_LEVEL}
 * the one-line-per-call {@code cloudjar.requests} log. A file given with {@code -Dlogback.configurationFile}
 * still wins.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %-5level --- [%16.16thread] %-28.28logger{28} : %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        Level level = Level.toLevel(Settings.logLevel(System.getenv()), Level.INFO);
        context.getLogger("io.cloudjar").setLevel(level);
        context.getLogger("cloudjar").setLevel(level);
        context.getLogger("cloudjar.requests").setLevel(Level.toLevel(System.getenv("REQUEST_LOG_LEVEL"), level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
