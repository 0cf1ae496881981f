package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A failing init script names the script's line and the server's error, on each engine, and leaves no container behind. */
@NeedsDocker
class InitScriptFailureTest {

    @ProdLike
    static class OneClass {
        @org.junit.jupiter.api.Test
        void test() {}
    }

    @ProdLike
    static class AnotherClass {
        @org.junit.jupiter.api.Test
        void test() {}
    }

    static Stream<Arguments> brokenScripts() {
        return Stream.of(
                Arguments.of(
                        "broken-init",
                        "init script failed: db/broken.sql, line 6: ERROR: relation \"prodcut\" does not exist\n"
                                + "    in statement: insert into prodcut (id) ...\n"
                                + "Fix the script and run again; the database (postgres:15) has been stopped."),
                Arguments.of(
                        "broken-init-mariadb",
                        "init script failed: db/mariadb/broken.sql, line 6: Table 'test.prodcut' doesn't exist\n"
                                + "    in statement: insert into prodcut (id) ...\n"
                                + "Fix the script and run again; the database (mariadb:10.11) has been stopped."),
                // the server names the line within the statement; Parity adds where the statement
                // starts
                Arguments.of(
                        "syntax-error-mariadb",
                        "init script failed: db/mariadb/syntax-error.sql, line 7: You have an error in your SQL "
                                + "syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near "
                                + "'1; end' at line 4\n"
                                + "    in statement: create procedure add_product(in product_id bigint) ...\n"
                                + "Fix the script and run again; the database (mariadb:10.11) has been stopped."),
                // run by psql, which names the line the statement ends on; its LINE n points into
                // the statement
                Arguments.of(
                        "broken-psql",
                        "init script failed: db/psql/broken.sql, line 6: ERROR: relation \"prodcut\" does not exist\n"
                                + "    in statement: insert into orders_ok (id) ...\n"
                                + "Fix the script and run again; the database (postgres:15) has been stopped."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenScripts")
    void failsEveryClassOfTheProfileWithTheScriptLineAndStopsTheDatabase(
            String profile, String message) {
        EngineExecutionResults results =
                Kit.run(
                        Map.of(
                                "parity.config",
                                "profiles/failing-script.yml",
                                "parity.profile",
                                profile),
                        OneClass.class,
                        AnotherClass.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(results.containerEvents().failed().list())
                .hasSize(2)
                .allSatisfy(
                        event ->
                                assertThat(
                                                event.getPayload(TestExecutionResult.class)
                                                        .orElseThrow()
                                                        .getThrowable()
                                                        .orElseThrow())
                                        .isInstanceOf(ExtensionConfigurationException.class)
                                        .hasMessage(message));
        assertThat(DockerContainers.startedForProfile(profile)).isEmpty();
    }
}
