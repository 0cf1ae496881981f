package dev.parity.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.ProblemException;
import dev.parity.config.YamlParser;
import dev.parity.engine.Engines;
import dev.parity.engine.spec.DatabaseSpec;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles merged with what they extend: inherited values, and problems of the chain or of the merged profile, each once. */
class ProfileLoaderTest {

    private static ProfileFile read(String yaml) {
        return new ProfileLoader(ProfileLoaderTest.class.getClassLoader())
                .read("t.yml", new YamlParser("t.yml").parse(new StringReader(yaml)));
    }

    @Test
    void aChildInheritsWhatItDoesNotSay() {
        ProfileFile file =
                read(
                        """
                profiles:
                  base:
                    database:
                      image: postgres:16
                      name: shop
                      settings: {work_mem: 4MB}
                    timezone: Europe/Berlin
                    seed: 7
                  child:
                    extends: base
                    database:
                      name: orders
                      settings: {max_connections: 50}
                """);
        Profile child = file.profile("child", "the test");
        DatabaseSpec database = child.database();
        assertThat(database.image()).isEqualTo("postgres:16");
        assertThat(database.name()).isEqualTo("orders");
        assertThat(database.settings())
                .isEqualTo(Map.of("work_mem", "4MB", "max_connections", "50"));
        assertThat(database.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(child.seed()).hasValue(7);
        assertThat(file.profile("base", "the test").database().name()).isEqualTo("shop");
        assertThat(file.profiles()).extracting(Profile::name).containsExactly("base", "child");
    }

    @Test
    void keysTheMergedProfileCannotHonourAreErrorsWhereTheyWereWritten() {
        // the container provider the child switches to reads no host; its zone setting contradicts
        // the timezone it inherits
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                profiles:
                  base:
                    network: {provider: external}
                    timezone: Europe/Berlin
                  child:
                    extends: base
                    network: {provider: container, host: toxi.local}
                    database:
                      settings: {TimeZone: UTC}
                """))
                .isInstanceOf(ProblemException.class)
                .hasMessage(
                        "t.yml has 2 problems:\n"
                                + "  - line 7: 'host' in profile 'child' > network is read by the external provider only, but the provider is container. "
                                + "Remove it, or set provider: external.\n"
                                + "  - line 9: setting 'TimeZone' in profile 'child' > database.settings sets the server's time zone, which the profile's "
                                + "timezone (Europe/Berlin) sets already. Remove the setting: from timezone, Parity sets timezone and log_timezone on PostgreSQL, "
                                + "and the JVM's and every session's zone.");
        // a child's port for the external provider it inherits, a zone setting where no timezone is
        // pinned: honoured
        read(
                """
                profiles:
                  base:
                    network: {provider: external, host: toxi.local}
                    database:
                      settings: {timezone: UTC}
                  child:
                    extends: base
                    network: {port: 18474}
                """);
    }

    @Test
    void aChainInheritsFromEveryAncestor() {
        ProfileFile file =
                read(
                        """
                profiles:
                  c:
                    extends: b
                    locale: de-DE
                  b:
                    extends: a
                    database: {name: b}
                  a:
                    database: {engine: mariadb, name: a}
                """);
        Profile c = file.profile("c", "the test");
        assertThat(c.database().engine()).isSameAs(Engines.byId("mariadb").orElseThrow());
        assertThat(c.database().name()).isEqualTo("b");
        assertThat(c.clock().locale()).hasToString("de_DE");
    }

    @Test
    void aCycleIsReportedOnce() {
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                profiles:
                  a:
                    extends: b
                  b:
                    extends: c
                  c:
                    extends: a
                """))
                .isInstanceOf(ProblemException.class)
                .hasMessage(
                        "t.yml, line 7: 'extends' makes a cycle: a -> b -> c -> a. A profile cannot inherit from itself; remove one of these 'extends'.");
        assertThatThrownBy(() -> read("profiles:\n  a:\n    extends: a\n"))
                .hasMessage(
                        "t.yml, line 3: 'extends' makes a cycle: a -> a. A profile cannot inherit from itself; remove one of these 'extends'.");
    }

    @Test
    void anUnknownParentIsReportedWithTheNearestName() {
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                profiles:
                  base: {}
                  child:
                    extends: bsae
                """))
                .hasMessage(
                        "t.yml, line 4: profile 'child' extends 'bsae', which is not defined. Did you mean 'base'? Known profiles: base, child.");
    }

    @Test
    void aProblemOnlyTheMergedProfileHasIsReportedWhereItWasWritten() {
        // neither profile is wrong as written: the parent's image does not go with the child's
        // engine
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                profiles:
                  pg:
                    database:
                      image: postgres:15
                  maria:
                    extends: pg
                    database:
                      engine: mariadb
                """))
                .isInstanceOf(ProblemException.class)
                .hasMessage(
                        "t.yml, line 4: image 'postgres:15' in profile 'maria' > database is a PostgreSQL image, but the engine is mariadb."
                                + " Set database.image to a MariaDB image such as mariadb:10.11, or database.engine to postgres.");
    }

    @Test
    void aParentsProblemIsReportedOnceNotForEachChild() {
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                profiles:
                  base:
                    database:
                      imgae: postgres:15
                  one:
                    extends: base
                  two:
                    extends: base
                    timezone: Mars/Olympus
                """))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(p -> p.where().line() + ": " + p.what())
                                        .containsExactly(
                                                "4: unknown key 'imgae' in profile 'base' > database",
                                                "9: invalid timezone in profile 'two': 'Mars/Olympus' is not a time zone id known to this JVM;"
                                                        + " use a region id such as 'Europe/Berlin' (see java.time.ZoneId.getAvailableZoneIds())"));
    }

    @Test
    void noProfilesIsAProblem() {
        assertThatThrownBy(() -> read("profiles:\n"))
                .hasMessageStartingWith("t.yml, line 1: no profiles are defined.");
        assertThatThrownBy(() -> read("profile:\n  a: {}\n"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(p -> p.what())
                                        .containsExactly("unknown key 'profile' in the top level"));
    }

    @Test
    void severalProblemsAreReportedTogetherByLine() {
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                profiles:
                  a:
                    timezone: Mars/Olympus
                    seed: soon
                  b c:
                    extends: a
                """))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> {
                            assertThat(e.problems())
                                    .extracting(p -> p.where().line())
                                    .containsExactly(3, 4, 5);
                            assertThat(e.getMessage())
                                    .startsWith(
                                            "t.yml has 3 problems:\n  - line 3: invalid timezone")
                                    .contains(
                                            "\n  - line 4: 'seed'",
                                            "\n  - line 5: 'b c' is not a valid profile name");
                        });
    }
}
