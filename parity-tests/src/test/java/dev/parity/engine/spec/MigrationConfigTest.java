package dev.parity.engine.spec;

import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Problem;
import dev.parity.config.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code database.migrations.config} and the project's own configuration files: the tool's keys, with or without
 * its prefix, checked against the real Flyway and Liquibase of this module's test classpath, reported by line;
 * what Parity gives the tool itself is not configuration; the profile's keys win over a file's.
 */
class MigrationConfigTest {

    private final List<Problem> problems = new ArrayList<>();

    @TempDir Path project;

    private MigrationsSpec read(String yaml) {
        Section profile = profile(yaml, problems);
        Section database =
                new Section(
                        profile.mapping("database", "").orElseThrow(),
                        "profile 'p' > database",
                        DatabaseSection.KEYS,
                        problems);
        return new MigrationsSection(getClass().getClassLoader(), project).read(database, problems);
    }

    /** "file:line: what. fix", the file without the project's directory. */
    private List<String> described() {
        return problems.stream()
                .map(
                        p ->
                                p.where().file().replace(project + "/", "")
                                        + ":"
                                        + p.where().line()
                                        + ": "
                                        + p.describe())
                .toList();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(project.resolve(name), text);
    }

    @Test
    void flywaysKeysAreTakenWithOrWithoutTheirPrefixInCamelOrKebabCaseListsAndNestedMappingsToo() {
        MigrationsSpec spec =
                read(
                        """
                database:
                  migrations:
                    locations: [db/flyway/postgres]
                    config:
                      flyway.baselineOnMigrate: yes
                      baseline-version: 2
                      schemas: [app, audit]
                      postgresql: {transactional: {lock: false}}
                """);
        assertThat(problems).isEmpty();
        assertThat(spec.config())
                .isEqualTo(
                        Map.of(
                                "baselineOnMigrate",
                                "true",
                                "baselineVersion",
                                "2",
                                "schemas",
                                "app,audit",
                                "postgresql.transactional.lock",
                                "false"));
        assertThat(spec.toString())
                .endsWith(
                        "config {baselineOnMigrate=true, baselineVersion=2, postgresql.transactional.lock=false, schemas=app,audit}");
    }

    @Test
    void theConfigurationIsPartOfTheDatabasesIdentity() {
        MigrationsSpec plain = read("database: {migrations: {locations: [db/flyway/postgres]}}");
        MigrationsSpec withoutLock =
                read(
                        "database: {migrations: {locations: [db/flyway/postgres], config: {postgresql.transactional.lock: false}}}");
        assertThat(withoutLock)
                .isNotEqualTo(plain)
                .isEqualTo(
                        read(
                                "database: {migrations: {locations: [db/flyway/postgres], "
                                        + "config: {flyway.postgresql.transactional.lock: \"false\"}}}"));
    }

    @Test
    void aKeyFlywayDoesNotKnowOrAValueItDoesNotTakeIsReportedAtItsLineWithTheNearestKey() {
        read(
                """
                database:
                  migrations:
                    locations: [db/flyway/postgres]
                    config:
                      postgresql.transactonal.lock: false
                      baselineOnMigrat: true
                      connectRetries: often
                      validateOnMigrate: [a, {b: c}]
                """);
        assertThat(described())
                .containsExactlyInAnyOrder(
                        "t.yml:5: unknown Flyway key 'postgresql.transactonal.lock' in profile 'p' > database > migrations.config. Did you mean "
                                + "'postgresql.transactional.lock'? Write Flyway's own key, as its documentation names it, with or without 'flyway.', "
                                + "e.g. postgresql.transactional.lock: false.",
                        "t.yml:6: unknown Flyway key 'baselineOnMigrat' in profile 'p' > database > migrations.config. Did you mean 'baselineOnMigrate'? "
                                + "Write Flyway's own key, as its documentation names it, with or without 'flyway.', e.g. postgresql.transactional.lock: false.",
                        "t.yml:7: Flyway does not take connectRetries = 'often' in profile 'p' > database > migrations.config: Invalid value for "
                                + "flyway.connectRetries (should be an integer): often. Give a value Flyway takes.",
                        "t.yml:8: 'validateOnMigrate' in profile 'p' > database > migrations.config must be a plain value or a list of them, but is a list holding a mapping. "
                                + "Write it as, for example: validateOnMigrate: false");
    }

    @Test
    void whatParityGivesTheToolItselfIsAnErrorSayingWhereItGoes() {
        MigrationsSpec spec =
                read(
                        """
                database:
                  migrations:
                    locations: [db/flyway/postgres]
                    config:
                      flyway.url: jdbc:postgresql://prod/app
                      locations: filesystem:sql
                      target: 3
                      placeholders.owner: app
                """);
        assertThat(spec.config()).isEmpty();
        assertThat(described())
                .containsExactlyInAnyOrder(
                        "t.yml:5: 'url' in profile 'p' > database > migrations.config is what Parity gives Flyway itself. Parity connects Flyway to the "
                                + "database it started, as its administrator; leave it out.",
                        "t.yml:6: 'locations' in profile 'p' > database > migrations.config is what Parity gives Flyway itself. Name them in "
                                + "database.migrations.locations instead.",
                        "t.yml:7: 'target' in profile 'p' > database > migrations.config is what Parity gives Flyway itself. Write it as "
                                + "database.migrations.target instead.",
                        "t.yml:8: 'placeholders.owner' in profile 'p' > database > migrations.config is what Parity gives Flyway itself. Write it under "
                                + "database.migrations.placeholders instead: owner: ...");
    }

    @Test
    void theProjectsFlywayConfInTheDirectoryTheTestsRunInIsReadWithTheProfileOverIt()
            throws IOException {
        write(
                "flyway.conf",
                """
                # the real database's: Parity's own connection wins
                flyway.url=jdbc:postgresql://prod/app
                flyway.user=app
                flyway.postgresql.transactional.lock=false
                flyway.table=history
                flyway.placeholders.schema_owner=conf
                flyway.placeholders.region=eu
                flyway.target=2
                """);
        MigrationsSpec spec =
                read(
                        """
                database:
                  migrations:
                    locations: [db/flyway/postgres]
                    placeholders: {schema_owner: profile}
                    config: {table: profile_history}
                """);
        assertThat(problems).isEmpty();
        assertThat(spec.config())
                .isEqualTo(
                        Map.of(
                                "postgresql.transactional.lock",
                                "false",
                                "table",
                                "profile_history"));
        assertThat(spec.placeholders())
                .isEqualTo(Map.of("schema_owner", "profile", "region", "eu"));
        assertThat(spec.target()).as("the file's target, the profile giving none").isEqualTo("2");
    }

    @Test
    void aFlywayTomlGivesTheFlywayTableItsTablesAndTheDefaultEnvironment() throws IOException {
        write(
                "flyway.toml",
                """
                [environments.default]
                url = "jdbc:postgresql://prod/app"
                schemas = ["app", "audit"] # lists are comma-separated, as Flyway reads them

                [environments.other]
                schemas = ["elsewhere"]

                [flyway]
                baselineOnMigrate = true
                locations = [
                  "filesystem:sql",
                ]

                [flyway.postgresql.transactional]
                lock = false

                [flyway.placeholders]
                schema_owner = 'toml'

                [flywayDesktop]
                developmentEnvironment = "development"
                """);
        MigrationsSpec spec = read("database: {migrations: {locations: [db/flyway/postgres]}}");
        assertThat(problems).isEmpty();
        assertThat(spec.config())
                .isEqualTo(
                        Map.of(
                                "schemas",
                                "app,audit",
                                "baselineOnMigrate",
                                "true",
                                "postgresql.transactional.lock",
                                "false"));
        assertThat(spec.placeholders()).isEqualTo(Map.of("schema_owner", "toml"));
    }

    @Test
    void aFileNamedByConfigFilesIsReadBesideTheDefaultOnesAndItsUnknownKeysAreReportedAtTheirLine()
            throws IOException {
        Files.createDirectories(project.resolve("conf"));
        write("conf/flyway.conf", "flyway.cleanDisabled=false\nflyway.baselineOnMigrat=true\n");
        write("flyway.conf", "flyway.cleanDisabled=true\nflyway.table=history\n");
        MigrationsSpec spec =
                read(
                        "database: {migrations: {locations: [db/flyway/postgres], config: {configFiles: [conf/flyway.conf, missing.conf]}}}");
        assertThat(spec.config()).isEqualTo(Map.of("cleanDisabled", "false", "table", "history"));
        assertThat(described())
                .containsExactlyInAnyOrder(
                        "t.yml:1: the Flyway configuration file 'missing.conf' does not exist. Fix the path; a relative one starts at "
                                + project
                                + ", where the tests run.",
                        "conf/flyway.conf:2: unknown Flyway key 'baselineOnMigrat' in "
                                + project.resolve("conf/flyway.conf")
                                + ". Did you mean "
                                + "'baselineOnMigrate'? Write Flyway's own key, as its documentation names it, with or without 'flyway.', "
                                + "e.g. postgresql.transactional.lock: false.");
    }

    @Test
    void tomlParityCannotReadIsReportedAtItsLine() throws IOException {
        write("flyway.toml", "[flyway]\nplaceholders = { a = 1 }\n");
        read("database: {migrations: {locations: [db/flyway/postgres]}}");
        assertThat(described())
                .containsExactlyInAnyOrder(
                        "flyway.toml:2: Parity cannot read an inline table in "
                                + project.resolve("flyway.toml")
                                + ". Parity reads the TOML Flyway's files use: [tables], key = \"text\", numbers, true/false and [arrays] of them.");
    }

    @Test
    void
            liquibasesKeysAreItsUpdateArgumentsAndItsSettingsAndItsPropertiesFileIsReadUnderTheProfile()
                    throws IOException {
        write(
                "liquibase.properties",
                """
                changelogFile=db/changelog/master.xml
                url=jdbc:postgresql://prod/app
                liquibase.command.contextFilter=prod
                liquibase.databaseChangeLogTableName=changelog
                parameter.schema_owner=file
                referenceUrl=jdbc:postgresql://prod/reference
                """);
        MigrationsSpec spec =
                read(
                        """
                database:
                  migrations:
                    locations: db/liquibase/changelog.xml
                    config:
                      context-filter: test
                      liquibase.changelogLockWaitTimeInMinutes: 1
                      liquibase.duplicateFileMod: WARN
                      username: app
                """);
        assertThat(spec.config())
                .as("referenceUrl, for other commands, is left out as Liquibase leaves it")
                .isEqualTo(
                        Map.of(
                                "contextFilter",
                                "test",
                                "databaseChangeLogTableName",
                                "changelog",
                                "changelogLockWaitTimeInMinutes",
                                "1"));
        assertThat(spec.placeholders()).isEqualTo(Map.of("schema_owner", "file"));
        assertThat(described())
                .containsExactlyInAnyOrder(
                        "t.yml:7: unknown Liquibase key 'duplicateFileMod' in profile 'p' > database > migrations.config. Did you mean "
                                + "'duplicateFileMode'? Write Liquibase's own key, as its documentation names it, with or without 'liquibase.', "
                                + "e.g. changelogLockWaitTimeInMinutes: 1.",
                        "t.yml:8: 'username' in profile 'p' > database > migrations.config is what Parity gives Liquibase itself. Parity connects "
                                + "Liquibase to the database it started, as its administrator; leave it out.");
    }
}
