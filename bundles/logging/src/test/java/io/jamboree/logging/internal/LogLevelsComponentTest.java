package io.jamboree.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The component over a Logback context of its own: a configuration change makes the DEBUG lines of one package appear
 * (and of that package only), the next change makes them disappear, and leaving the configuration restores the levels
 * from before; bad entries are ignored.
 */
class LogLevelsComponentTest {

    private static List<String> debugLines(ListAppender<ILoggingEvent> seen) {
        return seen.list.stream().filter(e -> e.getLevel() == Level.DEBUG).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void levelsFollowTheConfiguration() {
        LoggerContext ctx = new LoggerContext();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(ctx);
        seen.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(seen);
        root.setLevel(Level.INFO);
        org.slf4j.Logger network = ctx.getLogger("io.jamboree.network.internal.Quic");
        org.slf4j.Logger sync = ctx.getLogger("io.jamboree.sync.BlockSync");

        LogLevelsComponent c = new LogLevelsComponent(new LogbackLevels(ctx), Map.of("level", "info", "service.pid", "io.jamboree.log"));
        network.debug("hidden 1");
        sync.debug("hidden 2");
        assertEquals(List.of(), debugLines(seen));

        c.modified(Map.of("level", "info", "io.jamboree.network", "DEBUG", "service.pid", "io.jamboree.log"));
        network.debug("shown 1");
        sync.debug("hidden 3");
        assertEquals(List.of("shown 1"), debugLines(seen), "DEBUG of io.jamboree.network only");

        c.modified(Map.of("level", "info", "level.io.jamboree.network", "info", "level.io.jamboree.sync", "debug"));
        network.debug("hidden 4");
        sync.debug("shown 2");
        assertEquals(List.of("shown 1", "shown 2"), debugLines(seen), "network back to INFO, sync at DEBUG");

        c.modified(Map.of("level", "warn", "io.jamboree.sync", "loud", "io..bad", "debug"));
        sync.debug("hidden 5");
        sync.info("hidden 6");
        network.warn("shown 3");
        assertEquals(List.of("shown 1", "shown 2"), debugLines(seen), "a bad level is ignored: sync inherits WARN");
        assertFalse(seen.list.stream().anyMatch(e -> e.getFormattedMessage().equals("hidden 6")));
        assertTrue(seen.list.stream().anyMatch(e -> e.getFormattedMessage().equals("shown 3")));

        c.deactivate();
        assertEquals(Level.INFO, root.getLevel(), "the level from before the component");
        assertEquals(null, ctx.getLogger("io.jamboree.sync").getLevel(), "inherited again");
    }

    @Test
    void keysAndValuesOfTheConfiguration() {
        assertEquals(Map.of("", Level.DEBUG, "io.jamboree.rpc", Level.OFF, "a.b", Level.TRACE),
                LogbackLevels.levels(Map.of("level", "debug", "io.jamboree.rpc", "off", "level.a.b", " Trace ",
                        "felix.fileinstall.filename", "file:/x", "component.id", 3L, "x y", "debug", "c.d", "verbose")));
    }
}
