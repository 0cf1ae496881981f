package dev.parity.engine.spec;

import static dev.parity.config.YamlSections.described;
import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.BulkLoader;
import dev.parity.engine.Capability;
import dev.parity.engine.CatalogStatistics;
import dev.parity.engine.ClientScripts;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.engine.JavaArtifact;
import dev.parity.engine.LockWaits;
import dev.parity.engine.SchemaReader;
import dev.parity.engine.Server;
import dev.parity.engine.ServerFacts;
import dev.parity.engine.ServerFaults;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.ValueSyntax;
import dev.parity.engine.ZoneSupport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** A profile's database section read from YAML, its engine's defaults, and what only engine and image together get wrong. */
class DatabaseSectionTest {

    private final List<Problem> problems = new ArrayList<>();
    private final DatabaseSection section = new DatabaseSection(getClass().getClassLoader());

    private DatabaseSpec read(String yaml) {
        return section.read(profile(yaml, problems), problems);
    }

    private List<Problem> combination(String yaml) {
        List<Problem> found = new ArrayList<>();
        DatabaseSection.checkCombination(read(yaml), profile(yaml, new ArrayList<>()), found);
        return found;
    }

    private void wholeProfile(String yaml) {
        section.checkWholeProfile(read(yaml), profile(yaml, new ArrayList<>()), problems);
    }

    @Test
    void aZoneSettingBesideTheProfilesTimezoneIsAnError() {
        String yaml =
                """
                database:
                  engine: mariadb
                  settings: {default_time_zone: "+00:00", max_connections: 50}
                """;
        DatabaseSection.checkZoneSettings(
                read(yaml).inTimeZone(java.time.ZoneId.of("Asia/Tokyo")),
                profile(yaml, new ArrayList<>()),
                problems);
        assertThat(described(problems))
                .containsExactly(
                        "3: setting 'default_time_zone' in profile 'p' > database.settings sets the server's "
                                + "time zone, which the profile's timezone (Asia/Tokyo) sets already. Remove the setting: from timezone, Parity sets "
                                + "default_time_zone on MariaDB, and the JVM's and every session's zone.");
        problems.clear();
        String postgres = "database:\n  settings: {work_mem: 4MB, log_timezone: UTC}";
        DatabaseSection.checkZoneSettings(
                read(postgres).inTimeZone(java.time.ZoneId.of("Asia/Tokyo")),
                profile(postgres, new ArrayList<>()),
                problems);
        assertThat(described(problems))
                .containsExactly(
                        "2: setting 'log_timezone' in profile 'p' > database.settings sets the server's "
                                + "time zone, which the profile's timezone (Asia/Tokyo) sets already. Remove the setting: from timezone, Parity sets "
                                + "timezone and log_timezone on PostgreSQL, and the JVM's and every session's zone.");
    }

    @Test
    void aScriptThatIsNotUtf8IsRefusedWithItsLineAndByte() {
        wholeProfile("database:\n  init: [db/latin1-plain.sql]");
        assertThat(problems)
                .containsExactly(
                        new Problem(
                                new Location("t.yml", 2),
                                "init script 'db/latin1-plain.sql' is not UTF-8: line 3 has "
                                        + "the byte 0xE9 (at byte 99)",
                                "Save it as UTF-8 (for example: iconv -f LATIN1 -t UTF-8), or, on PostgreSQL, start it with "
                                        + "SET client_encoding = 'LATIN1'; so that it runs in psql, which converts it."));
    }

    @Test
    void anImageReferenceIsCheckedAsDockerDoesBeforeDockerIsAsked() {
        read("database:\n  image: postgres:15;rm$(id)");
        assertThat(problems)
                .containsExactly(
                        new Problem(
                                new Location("t.yml", 2),
                                "image 'postgres:15;rm$(id)' in profile 'p' "
                                        + "is not an image reference Docker accepts",
                                "Write it as [registry[:port]/]name[:tag][@digest], the name in lowercase letters, "
                                        + "digits and . _ - separators, for example postgres:15."));
        problems.clear();
        for (String image :
                new String[] {
                    "postgres:15",
                    "ghcr.io/acme/postgres:15.4-alpine",
                    "localhost:5000/db/mariadb:11.8",
                    "postgres@sha256:" + "a".repeat(64),
                    "my_registry.example.com/team/pg:latest"
                }) {
            read("database:\n  image: " + image);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void storageIsOnDiskUnlessTheProfileAsksForMemoryAndTheContainerGetsATmpfsThen() {
        assertThat(read("database:\n  image: postgres:15").storage())
                .isEqualTo(DatabaseSpec.Storage.DISK);
        DatabaseSpec memory = read("database:\n  image: postgres:15\n  storage: memory");
        assertThat(memory.storage()).isEqualTo(DatabaseSpec.Storage.MEMORY);
        assertThat(memory)
                .as("another server: not shared with the one on disk")
                .isNotEqualTo(read("database:\n  image: postgres:15"));
        assertThat(memory.engine().container(memory).getTmpFsMapping())
                .as(
                        "the parent of PGDATA in every official layout (18: /var/lib/postgresql/18/docker)")
                .containsOnlyKeys("/var/lib/postgresql");
        DatabaseSpec mariadb = read("database:\n  engine: mariadb\n  storage: memory");
        assertThat(mariadb.engine().container(mariadb).getTmpFsMapping())
                .containsOnlyKeys("/var/lib/mysql");
        assertThat(problems).isEmpty();

        read("database:\n  storage: ram");
        assertThat(problems)
                .containsExactly(
                        new Problem(
                                new Location("t.yml", 2),
                                "storage 'ram' in profile 'p' > database is neither disk nor memory",
                                "Write storage: disk (the default) or storage: memory (the data directory in RAM: faster loads and fresh copies, as much RAM as data)."));
    }

    @Test
    void aLatin1ScriptThatSaysSoRunsInPsql() {
        wholeProfile("database:\n  init: [db/psql/latin1/names.sql]");
        assertThat(problems).isEmpty();
    }

    @Test
    void noDatabaseIsTheDefaultEnginesDefaults() {
        assertThat(read("seed: 1")).isEqualTo(DatabaseSpec.defaults(Engines.defaultEngine()));
        assertThat(read("database:")).isEqualTo(DatabaseSpec.defaults(Engines.defaultEngine()));
        assertThat(read("database: {engine: mariadb}"))
                .isEqualTo(DatabaseSpec.defaults(Engines.byId("mariadb").orElseThrow()));
        assertThat(problems).isEmpty();
    }

    @Test
    void readsEverything() {
        DatabaseSpec spec =
                read(
                        """
                database:
                  engine: mariadb
                  image: mariadb:11.4
                  name: shop
                  username: app
                  password: secret
                  init: [db/mariadb/schema.sql, /db/mariadb/seed.sql]
                  settings:
                    max_connections: 200
                    innodb_buffer_pool_size: 256M
                    log.level: on
                """);
        assertThat(problems).isEmpty();
        assertThat(spec)
                .isEqualTo(
                        new DatabaseSpec(
                                Engines.byId("mariadb").orElseThrow(),
                                "mariadb:11.4",
                                "shop",
                                "app",
                                "secret",
                                List.of("db/mariadb/schema.sql", "/db/mariadb/seed.sql"),
                                Map.of(
                                        "max_connections",
                                        "200",
                                        "innodb_buffer_pool_size",
                                        "256M",
                                        "log.level",
                                        "on"),
                                null));
        assertThat(spec.settings().keySet())
                .containsExactly("max_connections", "innodb_buffer_pool_size", "log.level");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        read(
                """
                database:
                  engine: postgress
                  image: "postgres 15"
                  name: 42
                  init: [missing.sql, 7]
                  settings:
                    "bad name": 1
                    work_mem: [4MB]
                  imgae: x
                """);
        assertThat(described(problems))
                .containsExactly(
                        "9: unknown key 'imgae' in profile 'p' > database. Did you mean 'image'?"
                                + " Known keys here: engine, image, name, username, password, migrations, init, settings, storage, encoding, collation, ctype.",
                        "2: unknown database engine 'postgress' in profile 'p'. Did you mean 'postgres'? Known engines: postgres, mariadb.",
                        "3: image 'postgres 15' in profile 'p' contains white space. Write the image as repository:tag, for example postgres:15.",
                        "4: 'name' in profile 'p' > database must be a text, but is a number (42). Write it as, for example: name: orders"
                                + " (quote it if YAML reads it as something else: name: \"orders\")",
                        "5: init script 'missing.sql' is not on the test classpath. Put it under src/test/resources/missing.sql"
                                + " (names are classpath paths, relative to its root), or fix the name.",
                        "5: each item of 'init' in profile 'p' > database must be a text, but one is a number (7). Write it as, for example: init: [schema.sql]",
                        "7: 'bad name' in profile 'p' > database.settings is not a valid setting name."
                                + " Use the server's parameter name, letters, digits, '_' and '.', e.g. max_connections.",
                        "8: setting 'work_mem' in profile 'p' > database.settings must be a plain value, but is a list. Write it as, for example:\n"
                                + "settings:\n  max_connections: 200\n  work_mem: 4MB");
    }

    @Test
    void anImageOfAnotherEngineIsReportedAtTheImage() {
        assertThat(described(combination("database:\n  engine: mariadb\n  image: postgres:15")))
                .containsExactly(
                        "3: image 'postgres:15' in profile 'p' > database is a PostgreSQL image, but the engine is mariadb."
                                + " Set database.image to a MariaDB image such as mariadb:10.11, or database.engine to postgres.");
        assertThat(described(combination("database:\n  image: docker.io/library/mariadb:11.8")))
                .containsExactly(
                        "2: image 'docker.io/library/mariadb:11.8' in profile 'p' > database is a MariaDB image, but the engine is postgres."
                                + " Set database.image to a PostgreSQL image such as postgres:15, or database.engine to mariadb.");
    }

    @Test
    void ownImagesAndMatchingOnesAreFine() {
        assertThat(combination("database:\n  engine: mariadb\n  image: mycorp/db:1")).isEmpty();
        assertThat(combination("database:\n  engine: postgres\n  image: postgres:17")).isEmpty();
        assertThat(combination("database:\n  init: [db/schema.sql]\n  settings: {work_mem: 4MB}"))
                .isEmpty();
    }

    @Test
    void aCapabilityTheEngineLacksIsReportedWithTheEnginesThatHaveIt() {
        List<Problem> found = new ArrayList<>();
        DatabaseSection.require(
                new Lacking(), Capability.TIME_ZONE, new Location("t.yml", 4), found);
        DatabaseSection.require(
                Engines.defaultEngine(), Capability.TIME_ZONE, new Location("t.yml", 5), found);
        assertThat(described(found))
                .containsExactly(
                        "4: the Lacking engine (lacking) does not support a server time zone (timezone)."
                                + " Remove it from the profile, or use an engine that supports it: postgres, mariadb.");
    }

    @Test
    void encodingCollationAndCtypeAreReadAndTheImagesWhereTheProfileSaysNothing() {
        assertThat(read("database:\n  image: postgres:15").characters())
                .isEqualTo(DatabaseSpec.Characters.IMAGE);
        DatabaseSpec spec =
                read("database:\n  encoding: UTF8\n  collation: en_US.UTF-8\n  ctype: C");
        assertThat(spec.characters())
                .isEqualTo(new DatabaseSpec.Characters("UTF8", "en_US.UTF-8", "C"));
        assertThat(spec.toString()).endsWith(", encoding UTF8, collation en_US.UTF-8, ctype C]");
        assertThat(read("database:\n  collation: ICU:en-US").characters().icuLocale())
                .contains("en-US");
        assertThat(problems).isEmpty();
        assertThat(spec)
                .isNotEqualTo(
                        spec.withCharacters(
                                DatabaseSpec.Characters.IMAGE)); // another database, not shared
    }

    @Test
    void encodingCollationAndCtypeMistakesAreReportedWithTheirLines() {
        read(
                """
                database:
                  encoding: 8
                  collation: "en US"
                  ctype: icu:en-US
                """);
        read("database:\n  collation: en-US-x-icu");
        read("database:\n  collation: 'icu:'");
        assertThat(described(problems))
                .containsExactly(
                        "2: 'encoding' in profile 'p' > database must be a text, but is a number (8). Write it as, for example: encoding: UTF8"
                                + " (quote it if YAML reads it as something else: encoding: \"UTF8\")",
                        "3: collation 'en US' in profile 'p' > database is not a name a server knows: it has characters other than letters, digits"
                                + " and . _ - @ = ; : +. Write the server's name of it, for example collation: en_US.UTF-8.",
                        "4: ctype 'icu:en-US' in profile 'p' > database names an ICU locale, but ICU gives only collations. Write the ICU locale as"
                                + " collation: icu:en-US, and leave ctype to the image or give it a libc locale such as en_US.UTF-8.",
                        "2: collation 'en-US-x-icu' in profile 'p' > database is the name of one of PostgreSQL's ICU collations, not of a locale."
                                + " Write collation: icu:en-US (the database's default collation is then ICU's en-US).",
                        "2: collation 'icu:' in profile 'p' > database names no ICU locale. Write the locale after icu:, for example"
                                + " collation: icu:en-US (or icu:und, ICU's root collation).");
    }

    @Test
    void onPostgresAnUnknownEncodingAndIcuBeforeVersion15AreErrors() {
        assertThat(
                        described(
                                combination(
                                        "database:\n  encoding: UTF-9\n  image: postgres:14.9\n  collation: icu:de-DE")))
                .containsExactly(
                        "2: encoding 'UTF-9' in profile 'p' > database is not a PostgreSQL server encoding. Did you mean 'UTF8'? Server encodings: "
                                + String.join(
                                        ", ",
                                        dev.parity.engine.postgres.PostgresCharacters.ENCODINGS)
                                + ".",
                        "4: collation 'icu:de-DE' in profile 'p' > database is an ICU locale, but PostgreSQL 14 (postgres:14.9) creates databases"
                                + " with ICU only from version 15 on. Use an image of PostgreSQL 15 or later, or a libc locale such as"
                                + " collation: en_US.UTF-8.");
        for (String encoding :
                new String[] {
                    "UTF8",
                    "utf-8",
                    "Unicode",
                    "LATIN1",
                    "ISO-8859-15",
                    "windows-1252",
                    "SQL_ASCII",
                    "euc_jp"
                }) {
            assertThat(combination("database:\n  encoding: " + encoding + "\n  collation: C"))
                    .as(encoding)
                    .isEmpty();
        }
        assertThat(dev.parity.engine.postgres.PostgresCharacters.encoding("ISO-8859-15"))
                .contains("LATIN9");
        assertThat(
                        combination(
                                "database:\n  image: postgres:17\n  collation: icu:und-u-kf-upper\n  ctype: C.UTF-8"))
                .isEmpty();
        assertThat(combination("database:\n  image: mycorp/pg:latest\n  collation: icu:en-US"))
                .isEmpty(); // the version is unknown
    }

    @Test
    void onMariaDbCtypeIsAnErrorAndCharacterSetAndCollationMustAgree() {
        String mariadb = "database:\n  engine: mariadb\n";
        assertThat(
                        described(
                                combination(
                                        mariadb
                                                + "  encoding: utf8mb4\n  collation: utf8mb4_unicode_ci\n  ctype: en_US.UTF-8")))
                .containsExactly(
                        "5: ctype 'en_US.UTF-8' in profile 'p' > database has no meaning on MariaDB, which would ignore it. Remove it:"
                                + " on MariaDB, the character set (encoding) and the collation decide what is a letter and how text compares.");
        assertThat(described(combination(mariadb + "  encoding: UTF8MB44")))
                .containsExactly(
                        "3: encoding 'UTF8MB44' in profile 'p' > database"
                                + " is not a MariaDB character set. Did you mean 'utf8mb4'? Character sets: "
                                + String.join(
                                        ", ",
                                        dev
                                                .parity
                                                .engine
                                                .mariadb
                                                .MariaDbCharacters
                                                .DEFAULT_COLLATIONS
                                                .keySet()
                                                .stream()
                                                .sorted()
                                                .toList())
                                + ".");
        assertThat(described(combination(mariadb + "  encoding: latin1\n  collation: utf8mb4_bin")))
                .containsExactly(
                        "4: collation 'utf8mb4_bin'"
                                + " in profile 'p' > database is a collation of utf8mb4, but the encoding is latin1, and MariaDB refuses to start with the two."
                                + " Write a collation of latin1 (for example latin1_swedish_ci), or encoding: utf8mb4.");
        assertThat(described(combination(mariadb + "  collation: icu:en-US")))
                .containsExactly(
                        "3: collation 'icu:en-US' in profile 'p' >"
                                + " database is an ICU locale, but MariaDB has no ICU collations. Write a MariaDB collation, for example utf8mb4_unicode_ci"
                                + " or utf8mb4_uca1400_ai_ci (11.x): SHOW COLLATION lists them.");
        assertThat(described(combination(mariadb + "  collation: en_US.UTF-8")))
                .containsExactly(
                        "3: collation 'en_US.UTF-8' in profile 'p' >"
                                + " database does not start with a MariaDB character set. Write the collation's full name, character set first, for example"
                                + " utf8mb4_unicode_ci: SHOW COLLATION lists them.");
        assertThat(
                        described(
                                combination(
                                        mariadb
                                                + "  collation: latin1_bin\n  settings: {max_connections: 50, collation_server: latin1_bin}")))
                .containsExactly(
                        "4: setting 'collation_server' in profile 'p' > database.settings sets what the profile's encoding and"
                                + " collation set already, and one of the two would be ignored. Remove the setting: from encoding and collation, Parity"
                                + " sets character_set_server and collation_server.");
        assertThat(combination(mariadb + "  encoding: utf8\n  collation: utf8mb3_bin")).isEmpty();
        assertThat(combination(mariadb + "  encoding: UTF8MB4\n  collation: utf8mb4_uca1400_ai_ci"))
                .isEmpty();
    }

    @Test
    void eachEngineCreatesItsDatabaseWithTheProfilesCharacters() {
        assertThat(
                        dev.parity.engine.postgres.PostgresCharacters.initdbArguments(
                                DatabaseSpec.Characters.IMAGE))
                .isEmpty();
        assertThat(
                        dev.parity.engine.postgres.PostgresCharacters.initdbArguments(
                                new DatabaseSpec.Characters("UTF8", "en_US.UTF-8", "C")))
                .isEqualTo("--encoding='UTF8' --lc-collate='en_US.UTF-8' --lc-ctype='C'");
        assertThat(
                        dev.parity.engine.postgres.PostgresCharacters.initdbArguments(
                                new DatabaseSpec.Characters(null, "icu:und-u-kf-upper", null)))
                .isEqualTo("--locale-provider=icu --icu-locale='und-u-kf-upper'");
        assertThat(
                        dev.parity.engine.mariadb.MariaDbCharacters.arguments(
                                DatabaseSpec.Characters.IMAGE))
                .isEmpty();
        // the image's own configuration names a collation: one of the profile's character set
        // always goes with it
        assertThat(
                        dev.parity.engine.mariadb.MariaDbCharacters.arguments(
                                new DatabaseSpec.Characters("latin1", null, null)))
                .containsExactly(
                        "--character-set-server=latin1", "--collation-server=latin1_swedish_ci");
        assertThat(
                        dev.parity.engine.mariadb.MariaDbCharacters.arguments(
                                new DatabaseSpec.Characters(null, "utf8mb4_unicode_ci", null)))
                .containsExactly(
                        "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
        assertThat(
                        dev.parity.engine.mariadb.MariaDbCharacters.arguments(
                                new DatabaseSpec.Characters("utf8mb4", "utf8mb4_bin", null)))
                .containsExactly(
                        "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin");
    }

    @Test
    void theOriginTellsWhereEachCharacterKeyWasWritten() {
        DatabaseOrigin origin =
                DatabaseSection.origin(
                        profile(
                                "database:\n  image: postgres:15\n  collation: C\n  ctype: C",
                                new ArrayList<>()));
        assertThat(origin.created("collation")).contains(new Location("t.yml", 3));
        assertThat(origin.created("ctype")).contains(new Location("t.yml", 4));
        assertThat(origin.created("encoding")).isEmpty();
    }

    /** An engine that can only start a server; nothing of it runs. */
    private static final class Lacking implements Engine {

        @Override
        public String id() {
            return "lacking";
        }

        @Override
        public String displayName() {
            return "Lacking";
        }

        @Override
        public String defaultImage() {
            return "lacking:1";
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.noneOf(Capability.class);
        }

        @Override
        public JdbcDatabaseContainer<?> container(DatabaseSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerFacts facts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CatalogStatistics statistics() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerFaults faults(Server server) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LockWaits lockWaits(Server server) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String adminUser(DatabaseSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SqlDialect dialect() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ZoneSupport zones() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaReader schema() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ValueSyntax values() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BulkLoader loader() {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatabaseCopies copies(Server server) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ClientScripts clientScripts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JavaArtifact flywayModule() {
            throw new UnsupportedOperationException();
        }
    }
}
