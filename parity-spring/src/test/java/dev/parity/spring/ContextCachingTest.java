package dev.parity.spring;

import static dev.parity.spring.Timed.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.parity.junit.Faults;
import dev.parity.junit.Latency;
import dev.parity.junit.PinTimeZone;
import dev.parity.junit.ProdEnvironment;
import dev.parity.junit.ProdLike;
import dev.parity.junit.ProdLikeIntegration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring caches one context for the classes that agree on their environment, and each of them still sees its own
 * toxics and {@code Faults} through that context's pool: the fixtures run in parallel (as a build may run them), in
 * a Jupiter engine of their own; a class that pins another zone gets a context of its own. Their profile has a name
 * of its own: Spring's context cache is the JVM's, and a context this build's classes cached points at this build's
 * environment, not at the fixtures' engine's.
 */
@NeedsDocker
// the fixtures' engine pins the JVM's zone and locale where this build's own locks cannot see: hold
// them all
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = Resources.LOCALE, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = ProdLikeIntegration.SHARED_PROXY_LOCK, mode = ResourceAccessMode.READ_WRITE)
class ContextCachingTest {

    /** What each fixture saw, by fixture. */
    static final Map<String, ApplicationContext> CONTEXTS = new ConcurrentHashMap<>();

    static final Map<String, String> URLS = new ConcurrentHashMap<>();

    @Test
    void classesOnOneProfileShareOneContextAndEachSeesItsOwnToxics() {
        EngineExecutionResults results =
                EngineTestKit.engine("junit-jupiter")
                        .selectors(
                                selectClass(SlowNetworkClass.class),
                                selectClass(QuietNetworkClass.class),
                                selectClass(OtherZoneClass.class))
                        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                        .configurationParameter(
                                "junit.jupiter.execution.parallel.mode.classes.default",
                                "concurrent")
                        .configurationParameter(
                                "junit.jupiter.execution.parallel.config.strategy", "fixed")
                        .configurationParameter(
                                "junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
                        .execute();

        assertThat(results.allEvents().failed().stream().map(ContextCachingTest::failure))
                .isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(CONTEXTS.get("slow")).isNotNull().isSameAs(CONTEXTS.get("quiet"));
        assertThat(URLS.get("slow")).isEqualTo(URLS.get("quiet"));
        // another zone is another database and other sessions: never the same pool
        assertThat(CONTEXTS.get("other-zone")).isNotNull().isNotSameAs(CONTEXTS.get("slow"));
        assertThat(URLS.get("other-zone")).isNotEqualTo(URLS.get("slow"));
    }

    /** A second run in this JVM gets the first run's cached context, whose pool connects to a proxy that run deleted: refused, clearly. */
    @Test
    void aContextCachedInAnotherRunIsRefusedBeforeItsPoolIsUsed() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(StaleRunClass.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1)); // the first run caches the context
        EngineExecutionResults second =
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(StaleRunClass.class))
                        .execute();

        second.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(
                        second.testEvents()
                                .failed()
                                .list()
                                .get(0)
                                .getRequiredPayload(TestExecutionResult.class)
                                .getThrowable()
                                .orElseThrow())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("got from Spring's context cache connects to")
                .hasMessageContaining("another JUnit run's environment")
                .hasMessageContaining(
                        "give the classes of a nested run (EngineTestKit) a profile of their own");
    }

    private static String failure(Event event) {
        StringWriter trace = new StringWriter();
        event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .ifPresent(e -> e.printStackTrace(new PrintWriter(trace)));
        return event.getTestDescriptor().getDisplayName() + ": " + trace;
    }

    @ProdLike("caching")
    @SpringBootTest
    @Latency(millis = 300)
    static class SlowNetworkClass {

        @Autowired ApplicationContext context;
        @Autowired JdbcTemplate jdbc;

        @Test
        void seesItsOwnLatencyThroughTheSharedPool(
                ProdEnvironment environment, @Autowired Environment properties) {
            CONTEXTS.put("slow", context);
            URLS.put("slow", properties.getProperty("spring.datasource.url"));
            assertThat(properties.getProperty("spring.datasource.url"))
                    .isEqualTo(environment.jdbcUrl());
            assertThat(timed(() -> jdbc.queryForObject("select 1", Integer.class)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @ProdLike("caching")
    @SpringBootTest
    static class QuietNetworkClass {

        @Autowired ApplicationContext context;
        @Autowired JdbcTemplate jdbc;

        @Test
        void seesNoneOfTheOtherClassesLatency(@Autowired Environment properties) {
            CONTEXTS.put("quiet", context);
            URLS.put("quiet", properties.getProperty("spring.datasource.url"));
            assertThat(timed(() -> jdbc.queryForObject("select 1", Integer.class)))
                    .isLessThan(Duration.ofMillis(250));
        }

        @Test
        void itsFaultsReachTheSharedPool(Faults faults) {
            faults.latency(Duration.ofMillis(300));
            assertThat(timed(() -> jdbc.queryForObject("select 1", Integer.class)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @ProdLike("caching")
    @SpringBootTest
    @PinTimeZone("America/St_Johns")
    static class OtherZoneClass {

        @Autowired ApplicationContext context;
        @Autowired JdbcTemplate jdbc;

        @Test
        void hasAContextWhoseSessionsAreInItsZone(@Autowired Environment properties) {
            CONTEXTS.put("other-zone", context);
            URLS.put("other-zone", properties.getProperty("spring.datasource.url"));
            assertThat(jdbc.queryForObject("show timezone", String.class))
                    .isEqualTo("America/St_Johns");
        }
    }

    @ProdLike("stale")
    @SpringBootTest
    static class StaleRunClass {

        @Autowired JdbcTemplate jdbc;

        @Test
        void queries() {
            assertThat(jdbc.queryForObject("select count(*) from greetings", Integer.class))
                    .isEqualTo(2);
        }
    }
}
