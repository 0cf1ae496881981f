package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The production-only bug of {@code ORDER BY name}: the same words sort one way in a {@code C}-collated
 * database and another in an {@code en_US.UTF-8} or ICU one. A profile's encoding and collation are what
 * the server and the test database run with, on each engine; one the image lacks fails the start in
 * seconds, at its line.
 */
@NeedsDocker
class DatabaseCharactersIntegrationTest {

    private static final String CONFIG = "profiles/encoding.yml";
    private static final List<String> WORDS = List.of("a", "B", "b", "A", "é", "e");
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    /** Sorts the words, and reads what the server and the database say of their encoding and collation. */
    abstract static class SortsWords {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                connection
                        .createStatement()
                        .execute(
                                "create table word (id int primary key, name varchar(10) not null)");
                try (PreparedStatement insert =
                        connection.prepareStatement("insert into word (id, name) values (?, ?)")) {
                    for (int i = 0; i < WORDS.size(); i++) {
                        insert.setInt(1, i + 1);
                        insert.setString(2, WORDS.get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            String profile = environment.profile();
            // ties (equal under a case- or accent-insensitive collation) in the order they were
            // written
            SEEN.put(
                    profile + " order",
                    ProdLikeIntegrationTest.query(
                            dataSource, "select name from word order by name, id"));
            if (environment.engine().equals("postgres")) {
                SEEN.put(
                        profile + " server",
                        ProdLikeIntegrationTest.query(dataSource, "show server_encoding"));
                SEEN.put(
                        profile + " database",
                        ProdLikeIntegrationTest.query(
                                dataSource,
                                "select pg_encoding_to_char(encoding) || ' ' || "
                                        + "datcollate || ' ' || datctype || ' ' || datlocprovider::text || coalesce(' ' || daticulocale, '') "
                                        + "from pg_database where datname = current_database()"));
            } else {
                SEEN.put(
                        profile + " server",
                        ProdLikeIntegrationTest.query(
                                dataSource,
                                "select concat(@@character_set_server, ' ', @@collation_server)"));
                SEEN.put(
                        profile + " database",
                        ProdLikeIntegrationTest.query(
                                dataSource,
                                "select concat(default_character_set_name, ' ', "
                                        + "default_collation_name) from information_schema.schemata where schema_name = database()"));
            }
        }
    }

    @ProdLike("postgres-c")
    static class PostgresC extends SortsWords {}

    @ProdLike("postgres-en-us")
    static class PostgresEnUs extends SortsWords {}

    @ProdLike("postgres-icu")
    static class PostgresIcu extends SortsWords {}

    @ProdLike("mariadb-bin")
    static class MariaDbBin extends SortsWords {}

    @ProdLike("mariadb-unicode")
    static class MariaDbUnicode extends SortsWords {}

    @Test
    void theProfilesCollationDecidesTheOrderOfTheSameWordsOnEachEngine() {
        SEEN.clear();
        EngineExecutionResults results =
                Kit.run(
                        Map.of("parity.config", CONFIG),
                        PostgresC.class,
                        PostgresEnUs.class,
                        PostgresIcu.class,
                        MariaDbBin.class,
                        MariaDbUnicode.class);
        assertThat(
                        results.testEvents().failed().stream()
                                .map(
                                        event ->
                                                event.getTestDescriptor().getDisplayName()
                                                        + ": "
                                                        + event.getPayload(
                                                                        org.junit.platform.engine
                                                                                .TestExecutionResult
                                                                                .class)
                                                                .flatMap(r -> r.getThrowable())
                                                                .orElseThrow())
                                .toList())
                .isEmpty();
        assertThat(
                        results.containerEvents().failed().stream()
                                .map(
                                        event ->
                                                event.getTestDescriptor().getDisplayName()
                                                        + ": "
                                                        + event.getPayload(
                                                                        org.junit.platform.engine
                                                                                .TestExecutionResult
                                                                                .class)
                                                                .flatMap(r -> r.getThrowable())
                                                                .orElseThrow())
                                .toList())
                .isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));

        assertThat(SEEN.get("postgres-c order")).isEqualTo("A|B|a|b|e|é");
        assertThat(SEEN.get("postgres-c server")).isEqualTo("UTF8");
        assertThat(SEEN.get("postgres-c database")).isEqualTo("UTF8 C C c");
        assertThat(SEEN.get("postgres-en-us order")).isEqualTo("a|A|b|B|e|é");
        assertThat(SEEN.get("postgres-en-us database")).isEqualTo("UTF8 en_US.UTF-8 en_US.UTF-8 c");
        // ICU's root collation with upper case first: the image's default locale is en_US.utf8 for
        // the rest
        assertThat(SEEN.get("postgres-icu order")).isEqualTo("A|a|B|b|e|é");
        assertThat(SEEN.get("postgres-icu database"))
                .isEqualTo("UTF8 en_US.utf8 en_US.utf8 i und-u-kf-upper");

        assertThat(SEEN.get("mariadb-bin order")).isEqualTo("A|B|a|b|e|é");
        assertThat(SEEN.get("mariadb-bin server")).isEqualTo("utf8mb4 utf8mb4_bin");
        assertThat(SEEN.get("mariadb-bin database")).isEqualTo("utf8mb4 utf8mb4_bin");
        // case and accents ignored: equal words stay in the order they were written
        assertThat(SEEN.get("mariadb-unicode order")).isEqualTo("a|A|B|b|é|e");
        assertThat(SEEN.get("mariadb-unicode server")).isEqualTo("utf8mb4 utf8mb4_unicode_ci");
        assertThat(SEEN.get("mariadb-unicode database")).isEqualTo("utf8mb4 utf8mb4_unicode_ci");
    }

    @ProdLike
    static class UsesActiveProfile {
        @Test
        void test() {}
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres-missing-locale | profiles/encoding.yml, line 33: the PostgreSQL server (postgres:15) exited "
                        + "| initdb: error: invalid locale name \"de_DE.UTF-8\" | collation 'de_DE.UTF-8'",
                "mariadb-mysql-collation | profiles/encoding.yml, line 38: the MariaDB server (mariadb:10.11) exited "
                        + "| Unknown collation: 'utf8mb4_0900_ai_ci' | collation 'utf8mb4_0900_ai_ci'"
            })
    void aCollationTheImageLacksFailsTheStartInSecondsAtItsLine(
            String profile, String start, String serverSaid, String blamed) {
        long begun = System.nanoTime();
        EngineExecutionResults results =
                Kit.run(
                        Map.of("parity.config", CONFIG, "parity.profile", profile),
                        UsesActiveProfile.class);
        Duration took = Duration.ofNanos(System.nanoTime() - begun);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable thrown = Kit.onlyContainerFailure(results);
        assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class);
        assertThat(thrown.getMessage())
                .startsWith(start)
                .contains(serverSaid)
                .contains(
                        "The server rejects the "
                                + blamed
                                + " written here (with this image): correct it, or use an image that has it, then run again. The container has been removed.");
        assertThat(took).isLessThan(Duration.ofSeconds(40));
        assertThat(DockerContainers.startedForProfile(profile)).isEmpty();
    }
}
