package io.cloudjar.rds.engine;

import java.time.Instant;

/**
 * One line of a server's log: the text as the server wrote it and the time it carries (a line without a time of its
 * own, such as a statement's continuation, takes the time of the line before it).
 */
public record LogLine(Instant at, String message) {
}
