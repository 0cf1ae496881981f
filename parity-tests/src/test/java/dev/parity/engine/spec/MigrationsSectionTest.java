package dev.parity.engine.spec;

import static dev.parity.config.YamlSections.described;
import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Problem;
import dev.parity.testing.WithoutPackages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code database.migrations} read from YAML: its short and long forms, the tool it implies, and what is wrong with it, by line. */
class MigrationsSectionTest {

    private final List<Problem> problems = new ArrayList<>();

    private MigrationsSpec read(String yaml) {
        return new DatabaseSection(getClass().getClassLoader())
                .read(profile(yaml, problems), problems)
                .migrations();
    }

    /** The problems of the whole profile, with {@code classLoader} as the test classpath. */
    private List<String> whole(String yaml, ClassLoader classLoader) {
        DatabaseSection section = new DatabaseSection(classLoader);
        List<Problem> found = new ArrayList<>();
        DatabaseSpec spec = section.read(profile(yaml, found), found);
        section.checkWholeProfile(spec, profile(yaml, new ArrayList<>()), found);
        return described(found);
    }

    @Test
    void noMigrationsByDefault() {
        assertThat(read("database: {image: postgres:15}")).isEqualTo(MigrationsSpec.NONE);
        assertThat(read("database: {migrations: }")).isEqualTo(MigrationsSpec.NONE);
        assertThat(problems).isEmpty();
    }

    @Test
    void anEmptyListOfLocationsIsAnErrorNotNoMigrations() {
        assertThat(read("database: {migrations: []}")).isEqualTo(MigrationsSpec.NONE);
        assertThat(
                        read(
                                """
                database:
                  migrations:
                    tool: flyway
                    locations: []
                    target: "7"
                """))
                .isEqualTo(MigrationsSpec.NONE);
        String fix =
                " is an empty list, so no migration would run. Name where the migrations are, for example: "
                        + "locations: [classpath:db/migration], or remove the key.";
        assertThat(described(problems))
                .containsExactly(
                        "1: 'migrations' in profile 'p' > database" + fix,
                        "4: 'locations' in profile 'p' > database > migrations" + fix);
    }

    @Test
    void theShortFormIsFlywaysLocationsOrOneLiquibaseChangelog() {
        assertThat(read("database: {migrations: classpath:db/flyway/postgres}"))
                .isEqualTo(
                        new MigrationsSpec(
                                MigrationTool.FLYWAY,
                                List.of("classpath:db/flyway/postgres"),
                                Map.of(),
                                null));
        assertThat(
                        read(
                                "database: {migrations: [db/flyway/postgres, 'filesystem:src/test/resources/db/flyway/mariadb']}"))
                .isEqualTo(
                        new MigrationsSpec(
                                MigrationTool.FLYWAY,
                                List.of(
                                        "db/flyway/postgres",
                                        "filesystem:src/test/resources/db/flyway/mariadb"),
                                Map.of(),
                                null));
        assertThat(read("database: {migrations: classpath:db/liquibase/changelog.xml}"))
                .isEqualTo(
                        new MigrationsSpec(
                                MigrationTool.LIQUIBASE,
                                List.of("classpath:db/liquibase/changelog.xml"),
                                Map.of(),
                                null));
        assertThat(problems).isEmpty();
    }

    @Test
    void theLongFormNamesTheToolPlaceholdersAndTarget() {
        MigrationsSpec spec =
                read(
                        """
                database:
                  migrations:
                    tool: flyway
                    locations: [classpath:db/flyway/postgres, /db/flyway/mariadb]
                    placeholders: {schema_owner: app, retries: 3, enabled: true}
                    target: 2
                """);
        assertThat(problems).isEmpty();
        assertThat(spec)
                .isEqualTo(
                        new MigrationsSpec(
                                MigrationTool.FLYWAY,
                                List.of("classpath:db/flyway/postgres", "/db/flyway/mariadb"),
                                Map.of("schema_owner", "app", "retries", "3", "enabled", "true"),
                                "2"));
        assertThat(spec.placeholders().keySet())
                .containsExactly("schema_owner", "retries", "enabled");
        assertThat(
                        read(
                                "database: {migrations: {locations: db/liquibase/changelog.xml, target: v2}}"))
                .isEqualTo(
                        new MigrationsSpec(
                                MigrationTool.LIQUIBASE,
                                List.of("db/liquibase/changelog.xml"),
                                Map.of(),
                                "v2"));
    }

    @Test
    void migrationsArePartOfTheDatabasesIdentity() {
        DatabaseSpec plain =
                new DatabaseSection(getClass().getClassLoader())
                        .read(profile("database: {image: postgres:15}", problems), problems);
        DatabaseSpec migrated =
                new DatabaseSection(getClass().getClassLoader())
                        .read(
                                profile(
                                        "database: {image: postgres:15, migrations: db/flyway/postgres}",
                                        problems),
                                problems);
        assertThat(migrated)
                .isNotEqualTo(plain)
                .isEqualTo(plain.withMigrations(migrated.migrations()));
        assertThat(migrated.toString()).contains("migrations flyway [db/flyway/postgres]");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        read(
                """
                database:
                  migrations:
                    tool: flyaway
                    locatons: [classpath:db/flyway/postgres]
                    placeholders: {"bad name": x, owner: [a]}
                """);
        read(
                """
                database:
                  migrations:
                    locations: [clsspath:db/flyway/postgres, classpath:db/nothing, 'filesystem:no/such/dir', 7]
                """);
        read(
                """
                database:
                  migrations:
                    tool: liquibase
                    locations: [db/liquibase/changelog.xml, db/liquibase/broken.xml]
                """);
        read(
                """
                database:
                  migrations:
                    tool: flyway
                    locations: db/liquibase/changelog.xml
                    target: v2
                """);
        read("database:\n  migrations: 42");
        assertThat(described(problems))
                .containsExactly(
                        "4: unknown key 'locatons' in profile 'p' > database > migrations. Did you mean 'locations'? Known keys here: tool, locations, "
                                + "placeholders, target, config.",
                        "3: unknown migration tool 'flyaway' in profile 'p' > database > migrations. Did you mean 'flyway'? Known tools: flyway, liquibase.",
                        "3: 'locations' is missing in profile 'p' > database > migrations. Name where the migrations are, for example: "
                                + "locations: [classpath:db/migration]",
                        "5: 'bad name' in profile 'p' > database > migrations.placeholders is not a valid placeholder name. Use letters, digits, '_', "
                                + "'.' and '-', as in ${schema_owner}.",
                        "5: placeholder 'owner' in profile 'p' > database > migrations.placeholders must be a plain value, but is a list. "
                                + "Write it as, for example: owner: app",
                        "3: migration location 'clsspath:db/flyway/postgres' has an unknown prefix 'clsspath:'. Did you mean 'classpath:'? "
                                + "Parity reads classpath: (the default) and filesystem: locations.",
                        "3: migration location 'classpath:db/nothing' is not on the test classpath. Put the migrations under src/test/resources/db/nothing "
                                + "(or src/main/resources/db/nothing), or fix the location.",
                        "3: migration location 'filesystem:no/such/dir' does not exist. Fix the path; a relative one starts at "
                                + java.nio.file.Path.of("").toAbsolutePath()
                                + ", where the tests run.",
                        "3: each item of 'locations' in profile 'p' > database > migrations must be a text, but one is a number (7). "
                                + "Write it as, for example: locations: [classpath:db/migration]",
                        "4: Liquibase runs one changelog, but profile 'p' > database > migrations names 2 locations. Name the master changelog, which "
                                + "includes the others, for example: locations: [classpath:db/changelog/db.changelog-master.yaml]",
                        "4: Flyway's locations are directories of migrations, but 'db/liquibase/changelog.xml' in profile 'p' > database > migrations "
                                + "is a file. Name the directory its V1__*.sql files are in, or set tool: liquibase if it is a Liquibase changelog.",
                        "4: target 'v2' in profile 'p' > database > migrations is not a Flyway version. Write the version of the last migration to run, "
                                + "as in its file name V7__...: target: \"7\" (or latest).",
                        "2: 'migrations' in profile 'p' > database must be a location, a list of locations or a mapping, but is a number (42). "
                                + "Write it as, for example: migrations: classpath:db/migration\nor:\nmigrations:\n  tool: flyway\n"
                                + "  locations: [classpath:db/migration]\n  placeholders: {schema_owner: app}\n  target: \"7\"");
    }

    @Test
    void theToolMustBeOnTheTestClasspathWithFlywaysModuleForTheEngine() {
        ClassLoader here = getClass().getClassLoader();
        assertThat(whole("database: {migrations: db/flyway/postgres}", here)).isEmpty();
        assertThat(
                        whole(
                                "database: {engine: mariadb, migrations: db/liquibase/changelog.xml}",
                                here))
                .isEmpty();

        assertThat(
                        whole(
                                "database:\n  migrations: db/flyway/postgres",
                                new WithoutPackages(here, "org.flywaydb.")))
                .containsExactly(
                        "2: the migrations in profile 'p' > database need Flyway, which is not on the test classpath. Add org.flywaydb:flyway-core and "
                                + "org.flywaydb:flyway-database-postgresql (one version) to the build (test scope): Parity runs the project's own Flyway "
                                + "and brings none.");
        assertThat(
                        whole(
                                "database:\n  engine: mariadb\n  migrations: db/flyway/mariadb",
                                new WithoutPackages(here, "org.flywaydb.database.")))
                .containsExactly(
                        "3: Flyway is on the test classpath, but not its MariaDB support, which the migrations in profile 'p' > database "
                                + "need. Add org.flywaydb:flyway-mysql at flyway-core's version (test scope) to the build.");
        assertThat(
                        whole(
                                "database:\n  migrations: db/liquibase/changelog.xml",
                                new WithoutPackages(here, "liquibase.")))
                .containsExactly(
                        "2: the migrations in profile 'p' > database need Liquibase, which is not on the test classpath. Add org.liquibase:liquibase-core "
                                + "to the build (test scope): Parity runs the project's own Liquibase and brings none.");
    }
}
