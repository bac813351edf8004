package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.rds.engine.LogLine;
import io.cloudjar.rds.engine.ServerLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseEventsRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseEventsResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseLogEventsRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseLogEventsResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseLogStreamsRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseLogStreamsResponse;
import software.amazon.awssdk.services.lightsail.model.LogEvent;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseEvent;

/**
 * A managed database's events (what its own changes produced, kept in its record) and logs: the log events are the
 * lines the real server wrote to its log file, with the times the server printed (the machine's clock, not the
 * emulator's); a database with no server behind it has empty logs.
 */
public final class DatabaseLogsProvider extends LightsailProvider {
    private static final int EVENTS_PAGE = 100;
    /** Log lines per page, as CloudWatch Logs' GetLogEvents answers at most. */
    static final int LOG_PAGE = 10_000;
    private static final int MAX_MINUTES = (int) RelationalDatabaseRecord.EVENTS_KEPT.toMinutes();

    public GetRelationalDatabaseEventsResponse getRelationalDatabaseEvents(CallContext ctx, GetRelationalDatabaseEventsRequest request) {
        RelationalDatabaseRecord db = state(ctx).databases.get(request.relationalDatabaseName());
        int minutes = request.durationInMinutes() == null ? 60 : request.durationInMinutes();
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw LightsailErrors.invalidInput("The duration in minutes must be from 1 to %d (14 days): %d.", MAX_MINUTES, minutes);
        }
        Instant now = ctx.receivedAt();
        Instant from = now.minus(Duration.ofMinutes(minutes));
        List<RelationalDatabaseEvent> events = db.events().stream()
                .filter(e -> !e.at().isAfter(now) && !e.at().isBefore(from))
                .map(e -> e.toSdk(db.name())).toList();
        Pages<RelationalDatabaseEvent> page = Pages.of(events, request.pageToken(), EVENTS_PAGE);
        return GetRelationalDatabaseEventsResponse.builder().relationalDatabaseEvents(page.items())
                .nextPageToken(page.nextPageToken()).build();
    }

    public GetRelationalDatabaseLogStreamsResponse getRelationalDatabaseLogStreams(CallContext ctx,
                                                                                   GetRelationalDatabaseLogStreamsRequest request) {
        RelationalDatabaseRecord db = state(ctx).databases.get(request.relationalDatabaseName());
        return GetRelationalDatabaseLogStreamsResponse.builder().logStreams(DatabaseLogStreams.names(db)).build();
    }

    public GetRelationalDatabaseLogEventsResponse getRelationalDatabaseLogEvents(CallContext ctx,
                                                                                 GetRelationalDatabaseLogEventsRequest request) {
        RelationalDatabaseRecord db = state(ctx).databases.get(request.relationalDatabaseName());
        ServerLog log = DatabaseLogStreams.log(db, request.logStreamName());
        if (Boolean.TRUE.equals(request.startFromHead()) && db.engine().equals("postgres")) {
            throw LightsailErrors.invalidInput("A PostgreSQL database's log is read from its tail only: startFromHead must be false.");
        }
        Instant start = request.startTime();
        Instant end = request.endTime();
        if (start != null && end != null && start.isAfter(end)) {
            throw LightsailErrors.invalidInput("The start time %s is after the end time %s.", start, end);
        }
        List<LogEvent> events = (db.server() == null ? List.<LogLine>of() : db.server().readLog(log)).stream()
                .filter(l -> (start == null || !l.at().isBefore(start)) && (end == null || !l.at().isAfter(end)))
                .map(l -> LogEvent.builder().createdAt(l.at()).message(l.message()).build())
                .toList();
        LogPages.Page<LogEvent> page = LogPages.of(events, request.pageToken(), Boolean.TRUE.equals(request.startFromHead()), LOG_PAGE);
        return GetRelationalDatabaseLogEventsResponse.builder().resourceLogEvents(page.items())
                .nextForwardToken(page.forwardToken()).nextBackwardToken(page.backwardToken()).build();
    }
}
