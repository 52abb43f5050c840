package io.jamboree.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import java.util.Map;

/**
 * The only class of the launcher that touches Logback (an optional dependency): {@link LogLevels} calls it only when
 * {@link LogLevels#logback()} says SLF4J's backend is Logback, so the launcher loads and runs without Logback's classes.
 */
final class LogbackSetup {
    private LogbackSetup() {}

    /** One line per event on standard error in {@code pattern}; the root at {@code rootLevel}. */
    static void console(String pattern, String rootLevel) {
        LoggerContext ctx = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ctx.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(ctx);
        err.setName("stderr");
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(err);
        root.setLevel(Level.toLevel(rootLevel));
    }

    /** Logger name prefix ("" the root) to level name, already checked. */
    static void levels(Map<String, String> levels) {
        LoggerContext ctx = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        for (Map.Entry<String, String> e : levels.entrySet()) {
            ctx.getLogger(e.getKey().isEmpty() ? org.slf4j.Logger.ROOT_LOGGER_NAME : e.getKey())
                    .setLevel(Level.toLevel(e.getValue().toLowerCase(Locale.ROOT)));
        }
    }
}
