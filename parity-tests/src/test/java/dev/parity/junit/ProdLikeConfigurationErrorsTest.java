package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.WithoutPackages;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Every mistake in a profile file fails the class before anything starts, with a message that names the
 * file, the line, what is wrong and how to fix it. None of these needs Docker: validation comes first.
 */
class ProdLikeConfigurationErrorsTest {

    @ProdLike
    static class UsesActiveProfile {
        @Test
        void test() {}
    }

    @ProdLike("paymnets")
    static class AsksForUnknownProfile {
        @Test
        void test() {}
    }

    @ProdLike
    @Dataset(table = "customers", rows = 10, seed = -5)
    static class NegativeDatasetSeed {
        @Test
        void test() {}
    }

    @ProdLike
    @Toxic(
            type = ToxicType.LATENCY,
            attributes = {"latency=40", "latency=400"})
    static class AttributeTwice {
        @Test
        void test() {}
    }

    private static EngineExecutionResults runWith(String profileFile) {
        return Kit.run(Map.of("parity.config", "profiles/" + profileFile), UsesActiveProfile.class);
    }

    private static void assertFailsWith(EngineExecutionResults results, String message) {
        Throwable failure = Kit.onlyContainerFailure(results);
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(message);
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void unknownKeySuggestsTheNearestKnownOne() {
        assertFailsWith(
                runWith("unknown-key.yml"),
                "profiles/unknown-key.yml, line 5: unknown key 'imgae' in profile 'default' > database. Did you mean 'image'? "
                        + "Known keys here: engine, image, name, username, password, migrations, init, settings, storage, encoding, collation, ctype.");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertFailsWith(
                runWith("malformed.yml"),
                "profiles/malformed.yml, line 5: malformed YAML: expected <block end>, but found '<block mapping start>' "
                        + "(while parsing a block mapping). Check the indentation (spaces only, no tabs) and quote values "
                        + "that contain ': ' or start with '{', '[', '*' or '&'.");
    }

    @Test
    void wrongTypeShowsTheRightForm() {
        assertFailsWith(
                runWith("wrong-type.yml"),
                "profiles/wrong-type.yml, line 5: 'init' in profile 'default' > database must be a list, but is a text "
                        + "('db/schema.sql'). Write it as a list, for example: init: [schema.sql]");
    }

    @Test
    void extendsCycleIsReportedOnce() {
        assertFailsWith(
                runWith("cycle.yml"),
                "profiles/cycle.yml, line 7: 'extends' makes a cycle: a -> b -> c -> a. "
                        + "A profile cannot inherit from itself; remove one of these 'extends'.");
    }

    @Test
    void missingInitScriptNamesTheEntry() {
        assertFailsWith(
                runWith("missing-script.yml"),
                "profiles/missing-script.yml, line 7: init script 'db/shema-typo.sql' is not on the test classpath. "
                        + "Put it under src/test/resources/db/shema-typo.sql (names are classpath paths, relative to its root), "
                        + "or fix the name.");
    }

    @Test
    void allProblemsOfAFileAreReportedTogetherInLineOrder() {
        assertFailsWith(
                runWith("several-problems.yml"),
                "profiles/several-problems.yml has 4 problems:\n"
                        + "  - line 3: unknown key 'databse' in profile 'default'. Did you mean 'database'? Known keys here: extends, database, network, timezone, locale, clock, seed, datasets, database-faults, fresh-pool, expect.\n"
                        + "  - line 6: profile 'other' extends 'defualt', which is not defined. Did you mean 'default'? Known profiles: default, other.\n"
                        + "  - line 8: unknown database engine 'oracle' in profile 'other'. Known engines: postgres, mariadb.\n"
                        + "  - line 9: 'image' in profile 'other' > database must be a text, but is a number (15). "
                        + "Write it as, for example: image: postgres:15 (quote it if YAML reads it as something else: image: \"postgres:15\")");
    }

    @Test
    void migrationsWithoutTheirToolOnTheClasspathSayWhichArtifactsToAdd() {
        // the test classpath of a project without Flyway and Liquibase: nothing starts, both
        // profiles are reported
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        Thread.currentThread()
                .setContextClassLoader(
                        new WithoutPackages(original, "org.flywaydb.", "liquibase."));
        EngineExecutionResults results;
        try {
            results = runWith("migration-tools-missing.yml");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
        assertFailsWith(
                results,
                "profiles/migration-tools-missing.yml has 2 problems:\n"
                        + "  - line 5: the migrations in profile 'flyway' > database need Flyway, which is not on the test classpath. "
                        + "Add org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql (one version) to the build (test scope): "
                        + "Parity runs the project's own Flyway and brings none.\n"
                        + "  - line 9: the migrations in profile 'liquibase' > database need Liquibase, which is not on the test classpath. "
                        + "Add org.liquibase:liquibase-core to the build (test scope): Parity runs the project's own Liquibase and brings none.");
    }

    @Test
    void aMariaDbScriptWithClientCommandsNamesTheCommandAndItsLine() {
        assertFailsWith(
                runWith("client-commands-mariadb.yml"),
                "profiles/client-commands-mariadb.yml, line 5: init script 'db/mariadb/client-source.sql' uses 'source' on its line 3, "
                        + "a command of the mariadb client, not of the server. Parity runs MariaDB scripts over JDBC (DELIMITER understood): "
                        + "put the statements of a sourced script in its place, or list that script under init: itself.");
    }

    @Test
    void unknownProfileFromTheAnnotationListsTheKnownOnes() {
        assertFailsWith(
                Kit.run(AsksForUnknownProfile.class),
                "parity.yml, line 2: there is no profile 'paymnets' (asked for by @ProdLike(\"paymnets\") on "
                        + AsksForUnknownProfile.class.getName()
                        + "). Known profiles: default, alias, latest, slow-network, mariadb, mariadb-latest, mariadb-slow-network. "
                        + "Add 'paymnets:' under 'profiles:' or ask for a known one.");
    }

    @Test
    void unknownProfileFromTheConfigurationParameterSuggestsTheNearest() {
        assertFailsWith(
                Kit.run(Map.of("parity.profile", "defualt"), UsesActiveProfile.class),
                "parity.yml, line 2: there is no profile 'defualt' (asked for by the configuration parameter parity.profile=defualt). "
                        + "Did you mean 'default'? Known profiles: default, alias, latest, slow-network, mariadb, mariadb-latest, mariadb-slow-network. Add 'defualt:' under 'profiles:' or ask for a known one.");
    }

    @Test
    void aSeedThatIsNoNumberIsAnErrorNotTheProfilesSeed() {
        assertFailsWith(
                Kit.run(Map.of("parity.seed", "xyz"), UsesActiveProfile.class),
                "configuration parameter parity.seed: 'xyz' is not a whole number. Give the seed printed by the failing run, e.g. -Dparity.seed=42.");
    }

    @Test
    void aLockWaitThatIsNoDurationIsAnErrorNotTheDefault() {
        assertFailsWith(
                Kit.run(Map.of("parity.lockWait", "soon"), UsesActiveProfile.class),
                "configuration parameter parity.lockWait: 'soon' is not a duration. Give a duration such as -Dparity.lockWait=60s "
                        + "(or 2m, 500ms, or a number of seconds).");
    }

    @Test
    void aMigrationToolKeyTheToolDoesNotKnowNamesItsLineAndTheNearestKey() {
        assertFailsWith(
                runWith("migration-config.yml"),
                "profiles/migration-config.yml, line 8: unknown Flyway key 'postgresql.transactional.lok' in profile 'default' > database > "
                        + "migrations.config. Did you mean 'postgresql.transactional.lock'? Write Flyway's own key, as its documentation names it, "
                        + "with or without 'flyway.', e.g. postgresql.transactional.lock: false.");
    }

    /** Read where they are used (a pull, a load), but checked before anything starts. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "parity.pull.timeout  | 2m        | system property parity.pull.timeout: '2m' is not a whole number.",
                "parity.data.maxBytes | 50GB      | system property parity.data.maxBytes: '50GB' is not a whole number.",
                "parity.bindAddress   | localhost | system property parity.bindAddress: 'localhost' is not an IP address."
            })
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void aSwitchThatDoesNotParseFailsTheClassBeforeAnythingStarts(
            String property, String value, String start) {
        System.setProperty(property, value);
        try {
            EngineExecutionResults results = Kit.run(UsesActiveProfile.class);
            results.testEvents().assertStatistics(stats -> stats.started(0));
            assertThat(Kit.onlyContainerFailure(results))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageStartingWith(start);
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void aNegativeDatasetSeedIsAnErrorNotTheRunsSeed() {
        assertFailsWith(
                Kit.run(NegativeDatasetSeed.class),
                "@Dataset(table = \"customers\", seed = -5) on "
                        + NegativeDatasetSeed.class.getName()
                        + " has a negative seed, which @Dataset cannot take: -1 (the default) means the run's seed. Give a seed of 0 or more, "
                        + "or set the run's seed with -Dparity.seed.");
    }

    @Test
    void aToxicAttributeGivenTwiceIsAnErrorNotTheLastValue() {
        assertFailsWith(
                Kit.run(AttributeTwice.class),
                "@Toxic(type = LATENCY) on "
                        + AttributeTwice.class
                        + " gives attribute 'latency' twice (40 and 400). Give it once.");
    }

    @Test
    void configuredFileThatDoesNotExist() {
        assertFailsWith(
                runWith("nope.yml"),
                "profiles/nope.yml: the configuration parameter 'parity.config' names 'profiles/nope.yml', which is neither "
                        + "a classpath resource nor a file (looked in "
                        + java.nio.file.Path.of("").toAbsolutePath()
                        + "). "
                        + "Fix the name, or remove the parameter to use parity.yml at the root of the test classpath.");
    }

    @Test
    void noProfileFileOnTheClasspath() {
        // A real class loader that sees everything but parity.yml/parity.yaml, as in a project
        // without them.
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        Thread.currentThread()
                .setContextClassLoader(
                        new ClassLoader(original) {
                            @Override
                            public URL getResource(String name) {
                                return name.startsWith("parity.y") ? null : super.getResource(name);
                            }
                        });
        EngineExecutionResults results;
        try {
            results = Kit.run(UsesActiveProfile.class);
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
        assertFailsWith(
                results,
                "parity.yml: no parity.yml (or parity.yaml) at the root of the test classpath. Create src/test/resources/parity.yml, for example:\n"
                        + "profiles:\n  default:\n    database:\n      engine: postgres\n      image: postgres:15\n"
                        + "or point the configuration parameter 'parity.config' at another file.");
    }
}
