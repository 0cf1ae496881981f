package dev.parity.database;

import static dev.parity.config.YamlSections.described;
import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A profile's expect: read from YAML, mistakes with their lines; how versions and spellings compare. */
class ExpectSectionTest {

    private final List<Problem> problems = new ArrayList<>();

    private List<Expectation> read(String yaml) {
        return ExpectSection.read(profile(yaml, problems), problems);
    }

    @Test
    void readsEveryFactWithItsLine() {
        List<Expectation> facts =
                read(
                        """
                expect:
                  server_version: 15
                  encoding: UTF8
                  collation: en_US.UTF-8
                  settings: {max_connections: 500, default_transaction_isolation: read committed}
                  extensions: [pg_trgm, postgis]
                """);
        assertThat(problems).isEmpty();
        assertThat(facts)
                .extracting(Expectation::path, Expectation::value, e -> e.at().line())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("server_version", "15", 2),
                        org.assertj.core.groups.Tuple.tuple("encoding", "UTF8", 3),
                        org.assertj.core.groups.Tuple.tuple("collation", "en_US.UTF-8", 4),
                        org.assertj.core.groups.Tuple.tuple("settings.max_connections", "500", 5),
                        org.assertj.core.groups.Tuple.tuple(
                                "settings.default_transaction_isolation", "read committed", 5),
                        org.assertj.core.groups.Tuple.tuple("extensions", "pg_trgm", 6),
                        org.assertj.core.groups.Tuple.tuple("extensions", "postgis", 6));
        assertThat(read("timezone: UTC")).isEmpty();
    }

    @Test
    void reportsMistakesWithTheirLines() {
        read(
                """
                expect:
                  server_versoin: "15"
                  encoding: [UTF8]
                  extensions: pg_trgm
                """);
        assertThat(described(problems))
                .containsExactly(
                        "2: unknown key 'server_versoin' in profile 'p' > expect. Did you mean 'server_version'? Known keys here: server_version, "
                                + "encoding, collation, settings, extensions, plugins.",
                        "3: 'encoding' in profile 'p' > expect must be a text, but is a list. Write it as, for example: encoding: UTF8",
                        "4: 'extensions' in profile 'p' > expect must be a list, but is a text ('pg_trgm'). Write it as a list, for example: "
                                + "extensions: [pg_trgm]");
    }

    @Test
    void theOtherEnginesAddOnsAreAnError() {
        List<Expectation> facts = read("expect: {plugins: [auth_ed25519]}");
        ExpectSection.checkEngine(facts, "extensions", "PostgreSQL", problems);
        assertThat(described(problems))
                .containsExactly(
                        "1: expect: lists plugins, which PostgreSQL does not have. Call them extensions: on PostgreSQL.");
        assertThat(new Expectation("plugins", "x", "x", new Location("p.yml", 1)).path())
                .isEqualTo("plugins");
    }

    @Test
    void versionsMatchByPrefixAtAPartsEnd() {
        assertThat(DriftGuard.versionMatches("15", "15.8")).isTrue();
        assertThat(DriftGuard.versionMatches("15", "15")).isTrue();
        assertThat(DriftGuard.versionMatches("10.11", "10.11.18-MariaDB-0+deb12u1")).isTrue();
        assertThat(DriftGuard.versionMatches("15", "150.1")).isFalse();
        assertThat(DriftGuard.versionMatches("15.4", "15.8")).isFalse();
        assertThat(DriftGuard.versionMatches("17", "15.8")).isFalse();
    }

    @Test
    void encodingsAndCollationsCompareAsTheServersSpellThem() {
        assertThat(DriftGuard.normalized("en_US.UTF-8"))
                .isEqualTo(DriftGuard.normalized("en_US.utf8"));
        assertThat(DriftGuard.normalized("UTF8")).isEqualTo(DriftGuard.normalized("utf-8"));
        assertThat(DriftGuard.normalized("latin1")).isNotEqualTo(DriftGuard.normalized("utf8mb4"));
    }
}
