package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.data.DatasetSpec;
import dev.parity.data.Mess;
import dev.parity.engine.Engines;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.spec.MigrationTool;
import dev.parity.engine.spec.MigrationsSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot's key covers everything that decides the saved server, and nothing else: equal inputs give equal keys
 * (also when parsed again), and each thing that changes what the server holds gives another.
 */
class WarmStartKeyTest {

    @TempDir Path classpath;

    private ClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null);
    }

    private void write(String name, String text) throws IOException {
        Path file = classpath.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static DatabaseSpec spec() {
        return new DatabaseSpec(
                        Engines.byId("postgres").orElseThrow(),
                        "postgres:15",
                        "shop",
                        "test",
                        "secret",
                        List.of("db/schema.sql"),
                        Map.of("work_mem", "64MB"),
                        ZoneId.of("Europe/Berlin"))
                .withMigrations(
                        new MigrationsSpec(
                                MigrationTool.FLYWAY,
                                List.of("classpath:db/migration"),
                                Map.of(),
                                null));
    }

    private static DataPlan data(long seed, long rows) {
        return new DataPlan(seed, List.of(DatasetSpec.of("customers", rows)));
    }

    private String key(DatabaseSpec spec, DataPlan data, Optional<ZoneId> zone, String image)
            throws IOException {
        return WarmStarts.key(spec, data, zone, loader(), image);
    }

    @Test
    void equalInputsGiveEqualKeysAndEachChangeAnother() throws IOException {
        write("db/schema.sql", "create table customers (id int primary key);");
        write("db/migration/V1__a.sql", "create table a (id int);");
        String base = key(spec(), data(1, 100), Optional.empty(), "sha256:aaa");

        assertThat(key(spec(), data(1, 100), Optional.empty(), "sha256:aaa"))
                .as("the same inputs, built again")
                .isEqualTo(base)
                .hasSize(64);

        assertThat(key(spec(), data(2, 100), Optional.empty(), "sha256:aaa"))
                .as("seed")
                .isNotEqualTo(base);
        assertThat(key(spec(), data(1, 101), Optional.empty(), "sha256:aaa"))
                .as("rows")
                .isNotEqualTo(base);
        assertThat(
                        key(
                                spec(),
                                new DataPlan(
                                        1,
                                        List.of(
                                                DatasetSpec.of("customers", 100)
                                                        .withMess(Mess.defaults().withNulls(0.3)))),
                                Optional.empty(),
                                "sha256:aaa"))
                .as("mess")
                .isNotEqualTo(base);
        assertThat(
                        key(
                                spec(),
                                new DataPlan(
                                        1, List.of(DatasetSpec.of("customers", 100).withSeed(9))),
                                Optional.empty(),
                                "sha256:aaa"))
                .as("a dataset's own seed")
                .isNotEqualTo(base);
        assertThat(key(spec(), data(1, 100), Optional.empty(), "sha256:bbb"))
                .as("image id")
                .isNotEqualTo(base);
        assertThat(
                        key(
                                spec().withImage("postgres:17"),
                                data(1, 100),
                                Optional.empty(),
                                "sha256:aaa"))
                .as("image name")
                .isNotEqualTo(base);
        assertThat(
                        key(
                                spec().withStorage(DatabaseSpec.Storage.MEMORY),
                                data(1, 100),
                                Optional.empty(),
                                "sha256:aaa"))
                .as("storage")
                .isNotEqualTo(base);
        assertThat(
                        key(
                                spec(),
                                data(1, 100),
                                Optional.of(ZoneId.of("Asia/Kathmandu")),
                                "sha256:aaa"))
                .as("the variant's zone")
                .isNotEqualTo(base);
        assertThat(
                        key(
                                spec().inTimeZone(ZoneId.of("UTC")),
                                data(1, 100),
                                Optional.empty(),
                                "sha256:aaa"))
                .as("the server's zone")
                .isNotEqualTo(base);

        write("db/schema.sql", "create table customers (id bigint primary key);");
        assertThat(key(spec(), data(1, 100), Optional.empty(), "sha256:aaa"))
                .as("an init script's bytes")
                .isNotEqualTo(base);
        write("db/schema.sql", "create table customers (id int primary key);");
        assertThat(key(spec(), data(1, 100), Optional.empty(), "sha256:aaa"))
                .as("the script back")
                .isEqualTo(base);

        write("db/migration/V2__b.sql", "create table b (id int);");
        assertThat(key(spec(), data(1, 100), Optional.empty(), "sha256:aaa"))
                .as("a migration added")
                .isNotEqualTo(base);
    }

    @Test
    void whereADatasetWasDeclaredIsNotPartOfTheKey() throws IOException {
        write("db/schema.sql", "create table customers (id int primary key);");
        DataPlan here = new DataPlan(1, List.of(DatasetSpec.of("customers", 100)));
        DataPlan there =
                new DataPlan(
                        1,
                        List.of(
                                DatasetSpec.of("customers", 100)
                                        .withOrigin(
                                                dev.parity.config.Location.of(
                                                        "@Dataset on Another"))));
        assertThat(key(spec(), there, Optional.empty(), "i"))
                .isEqualTo(key(spec(), here, Optional.empty(), "i"));
    }
}
