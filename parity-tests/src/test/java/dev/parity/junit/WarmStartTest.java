package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.postgres.PostgresEngine;
import dev.parity.snapshot.SnapshotCache;
import dev.parity.snapshot.SnapshotEntry;
import dev.parity.snapshot.WarmStart;
import dev.parity.testing.Checksums;
import dev.parity.testing.NeedsDocker;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * A run whose environment was saved starts from that snapshot: the server's data directory copied into the new
 * container before it starts, no initdb, script or load. What the tests see is what a cold start gives them: the same
 * rows, catalog, sequences and planner statistics, and fresh copies of the loaded data. A damaged snapshot is found by
 * its checksum, deleted and built again.
 *
 * <p>Its fixtures run in an engine of their own, which cannot see this build's pins: the class reads the JVM's zone
 * for them (their sessions' {@code TimeZone}, which a {@code timestamptz}'s text depends on).
 */
@NeedsDocker
@ReadsDefaultTimeZone
class WarmStartTest {

    /** What the fixture saw, by what. */
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    /** The state a warm start must give back: each query's result. */
    private static final Map<String, String> STATE =
            new LinkedHashMap<>(
                    Map.of(
                            "accounts",
                            "select md5(string_agg(a::text, '|' order by id)) from accounts a",
                            "invoices",
                            "select md5(string_agg(i::text, '|' order by id)) from invoices i",
                            "sequences",
                            "select string_agg(sequencename || '=' || coalesce(last_value, 0), ',' order by sequencename) from pg_sequences",
                            "catalog",
                            "select md5(string_agg(c.relname || ':' || c.relkind::text || ':' || coalesce(obj_description(c.oid), ''), ',' order by c.relname))"
                                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'",
                            "columns",
                            "select md5(string_agg(table_name || '.' || column_name || ':' || data_type || ':' || coalesce(column_default, ''), ','"
                                    + " order by table_name, ordinal_position)) from information_schema.columns where table_schema = 'public'",
                            "statistics",
                            "select string_agg(tablename || '.' || attname || ' ' || null_frac || ' ' || n_distinct || ' ' || correlation, ','"
                                    + " order by tablename, attname) from pg_stats where schemaname = 'public'",
                            "reltuples",
                            "select string_agg(relname || '=' || reltuples, ',' order by relname) from pg_class"
                                    + " where relname in ('accounts', 'invoices')"));

    /** The same on MariaDB: rows as the driver reads them, the catalog, counters and InnoDB's statistics. */
    private static final Map<String, String> MARIADB_STATE =
            new LinkedHashMap<>(
                    Map.of(
                            "sequences",
                            "select concat(next_not_cached_value, ',', (select group_concat(table_name, '=',"
                                    + " auto_increment order by table_name) from information_schema.tables"
                                    + " where table_schema = database() and auto_increment is not null))"
                                    + " from invoice_numbers",
                            "catalog",
                            "select md5(group_concat(table_name, ':', table_type, ':', table_comment order by table_name))"
                                    + " from information_schema.tables where table_schema = database()",
                            "columns",
                            "select md5(group_concat(table_name, '.', column_name, ':', column_type, ':',"
                                    + " coalesce(column_default, '') order by table_name, ordinal_position))"
                                    + " from information_schema.columns where table_schema = database()",
                            "statistics",
                            "select group_concat(table_name, '.', index_name, '.', column_name, ' ', cardinality"
                                    + " order by table_name, index_name, seq_in_index)"
                                    + " from information_schema.statistics where table_schema = database()",
                            "reltuples",
                            "select group_concat(table_name, '=', table_rows order by table_name)"
                                    + " from information_schema.tables where table_schema = database()"
                                    + " and table_type = 'BASE TABLE'"));

    /** What every fixture records: the state a warm start must give back. */
    abstract static class Records {
        Map<String, String> state() {
            return STATE;
        }

        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            if (state() == MARIADB_STATE) {
                SEEN.put("accounts", Checksums.of(dataSource, "accounts", "id"));
                SEEN.put("invoices", Checksums.of(dataSource, "invoices", "id"));
            }
            for (Map.Entry<String, String> query : state().entrySet()) {
                SEEN.put(
                        query.getKey(),
                        ProdLikeIntegrationTest.query(dataSource, query.getValue()));
            }
            SEEN.put(
                    "fresh",
                    ProdLikeIntegrationTest.query(
                            environment.freshCopy(), "select count(*) from invoices"));
        }
    }

    @ProdLike("warm")
    static class Warm extends Records {}

    /** Another major, in memory: the data directory unpacked into a tmpfs. */
    @ProdLike("warm-17-memory")
    static class Warm17InMemory extends Records {}

    @ProdLike("warm-mariadb")
    static class WarmOnMariaDb extends Records {
        @Override
        Map<String, String> state() {
            return MARIADB_STATE;
        }
    }

    /** MariaDB's other version, in memory: the data directory unpacked into a tmpfs. */
    @ProdLike("warm-mariadb-memory")
    static class WarmOnMariaDbInMemory extends WarmOnMariaDb {}

    private static Map<String, String> run(
            Path cache, Path reports, String mode, Class<?> fixture) {
        return run(cache, reports, mode, "auto", fixture);
    }

    private static Map<String, String> run(
            Path cache, Path reports, String mode, String transfer, Class<?> fixture) {
        SEEN.clear();
        Kit.run(
                        Map.of(
                                "parity.config",
                                "profiles/warm.yml",
                                "parity.snapshots",
                                mode,
                                "parity.snapshots.transfer",
                                transfer,
                                "parity.snapshots.dir",
                                cache.toString(),
                                "parity.report.dir",
                                reports.toString()),
                        fixture)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
        return Map.copyOf(SEEN);
    }

    private static String start(Path reports) throws IOException {
        String json = Files.readString(reports.resolve("report.json"));
        int at = json.indexOf("\"start\": \"");
        assertThat(at).as(json).isNotNegative();
        return json.substring(at + 10, json.indexOf('"', at + 10));
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void aSecondRunStartsFromTheSnapshotAndSeesWhatTheFirstBuilt(@TempDir Path temp)
            throws IOException {
        Path cache = temp.resolve("cache");
        Map<String, String> cold = run(cache, temp.resolve("r1"), "on", Warm.class);
        assertThat(start(temp.resolve("r1"))).isEqualTo("cold");
        assertThat(entries(cache)).hasSize(1);
        assertThat(cold.get("accounts")).isNotBlank();
        assertThat(cold.get("sequences"))
                .contains("invoice_numbers=")
                .contains("accounts_id_seq=3000");
        assertThat(cold.get("statistics")).contains("invoices.account_id");
        assertThat(cold.get("fresh")).isEqualTo("20000");

        Map<String, String> warm = run(cache, temp.resolve("r2"), "on", Warm.class);
        assertThat(start(temp.resolve("r2"))).startsWith("warm: snapshot ");
        assertThat(warm).isEqualTo(cold);
        assertThat(entries(cache)).hasSize(1);

        // off: built again, and the same
        Map<String, String> off = run(cache, temp.resolve("r3"), "off", Warm.class);
        assertThat(start(temp.resolve("r3"))).isEqualTo("cold");
        assertThat(off).isEqualTo(cold);
    }

    @Test
    void anotherMajorInMemoryStartsFromASnapshotOfItsOwn(@TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        Map<String, String> fifteen = run(cache, temp.resolve("r1"), "on", Warm.class);
        Map<String, String> cold = run(cache, temp.resolve("r2"), "on", Warm17InMemory.class);
        assertThat(start(temp.resolve("r2"))).isEqualTo("cold");
        assertThat(entries(cache)).as("a key each").hasSize(2);
        Map<String, String> warm = run(cache, temp.resolve("r3"), "on", Warm17InMemory.class);
        assertThat(start(temp.resolve("r3"))).startsWith("warm: snapshot ");
        assertThat(warm).isEqualTo(cold);
        // the same seed gives the same rows on either major
        assertThat(cold.get("accounts")).isEqualTo(fifteen.get("accounts"));
    }

    @Test
    void anUploadedSnapshotGivesWhatAMountedOneGives(@TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        Map<String, String> cold = run(cache, temp.resolve("r1"), "on", Warm.class);
        Map<String, String> mounted = run(cache, temp.resolve("r2"), "on", "mount", Warm.class);
        assertThat(start(temp.resolve("r2"))).startsWith("warm: snapshot ");
        Map<String, String> uploaded = run(cache, temp.resolve("r3"), "on", "upload", Warm.class);
        assertThat(start(temp.resolve("r3"))).startsWith("warm: snapshot ");
        assertThat(mounted).isEqualTo(cold);
        assertThat(uploaded).isEqualTo(cold);
    }

    /**
     * A Docker that cannot see this machine's file (a remote daemon behind a tunnel to loopback) makes an empty
     * folder where the mount was asked for: the tar is uploaded after all, into an emptied data directory.
     */
    @Test
    void aMountThatDoesNotArriveIsReplacedByAnUpload(@TempDir Path temp) throws Exception {
        Path cache = temp.resolve("cache");
        Map<String, String> cold = run(cache, temp.resolve("r1"), "on", Warm.class);
        SnapshotEntry entry = new SnapshotCache(cache, Long.MAX_VALUE).entries().get(0);
        ServerSnapshots engine = new PostgresEngine().snapshots().orElseThrow();
        WarmStart.Image image = WarmStart.inspect("postgres:15").orElseThrow();
        AtomicReference<WarmStart.Transfer> used = new AtomicReference<>();
        try (GenericContainer<?> container =
                new GenericContainer<>("postgres:15")
                        .withCommand("postgres") // an entrypoint given drops the image's command
                        .withStartupAttempts(1)) {
            WarmStart.Restore restore =
                    WarmStart.prepare(
                            container,
                            engine,
                            entry,
                            image,
                            WarmStart.Transfer.MOUNT,
                            temp.resolve("not-here.tar"));
            WaitStrategy ready =
                    Wait.forLogMessage(".*database system is ready to accept connections.*", 1)
                            .withStartupTimeout(Duration.ofSeconds(60));
            container.waitingFor(
                    new WaitStrategy() {
                        @Override
                        public void waitUntilReady(WaitStrategyTarget target) {
                            used.set(restore.unpack());
                            ready.waitUntilReady(target);
                        }

                        @Override
                        public WaitStrategy withStartupTimeout(Duration timeout) {
                            return this;
                        }
                    });
            container.start();
            Container.ExecResult count =
                    container.execInContainer(
                            "psql",
                            "-U",
                            "test",
                            "-d",
                            "test",
                            "-Atc",
                            "select count(*) from invoices");
            assertThat(count.getStdout().strip()).as(count.getStderr()).isEqualTo("20000");
        }
        assertThat(used.get()).isEqualTo(WarmStart.Transfer.UPLOAD);
        assertThat(cold.get("fresh")).isEqualTo("20000");
    }

    @Test
    void aDamagedSnapshotIsDeletedAndBuiltAgain(@TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        Map<String, String> cold = run(cache, temp.resolve("r1"), "on", Warm.class);
        Path entry = entries(cache).get(0);
        Path tar = entry.resolve("server.tar");
        String saved = Files.readString(entry.resolve("entry.properties"));
        try (RandomAccessFile file = new RandomAccessFile(tar.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xFF);
        }

        Map<String, String> again = run(cache, temp.resolve("r2"), "on", Warm.class);
        assertThat(start(temp.resolve("r2"))).isEqualTo("cold");
        assertThat(again).isEqualTo(cold);
        // saved again, whole: the next run starts from it
        assertThat(entries(cache)).hasSize(1);
        assertThat(Files.readString(entries(cache).get(0).resolve("entry.properties")))
                .isNotEqualTo(saved);
        run(cache, temp.resolve("r3"), "on", Warm.class);
        assertThat(start(temp.resolve("r3"))).startsWith("warm: snapshot ");
    }

    @Test
    void readOnlySavesNothingAndRebuildReplaces(@TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        run(cache, temp.resolve("r1"), "read-only", Warm.class);
        assertThat(start(temp.resolve("r1"))).isEqualTo("cold");
        assertThat(Files.exists(cache) ? entries(cache) : List.of()).isEmpty();

        run(cache, temp.resolve("r2"), "on", Warm.class);
        String first = Files.readString(entries(cache).get(0).resolve("entry.properties"));
        run(cache, temp.resolve("r3"), "read-only", Warm.class);
        assertThat(start(temp.resolve("r3"))).startsWith("warm: snapshot ");

        run(cache, temp.resolve("r4"), "rebuild", Warm.class);
        assertThat(start(temp.resolve("r4"))).isEqualTo("cold");
        assertThat(entries(cache)).hasSize(1);
        assertThat(Files.readString(entries(cache).get(0).resolve("entry.properties")))
                .isNotEqualTo(first);
    }

    /**
     * MariaDB saves its server as a storage snapshot is taken (commits held, InnoDB's pages written, the process
     * stopped while its files are read): the warm server has the same rows, catalog, counters and statistics, on disk
     * and in memory, on either version.
     */
    @Test
    void mariaDbStartsFromItsSnapshotOnDiskAndInMemory(@TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        Map<String, String> cold = run(cache, temp.resolve("r1"), "on", WarmOnMariaDb.class);
        assertThat(start(temp.resolve("r1"))).isEqualTo("cold");
        assertThat(entries(cache)).hasSize(1);
        assertThat(cold.get("fresh")).isEqualTo("20000");
        assertThat(cold.get("reltuples")).startsWith("accounts=").contains(",invoices=");
        assertThat(cold.get("sequences")).contains("accounts=3001");
        assertThat(cold.get("statistics")).contains("invoices.invoices_by_amount.amount ");

        Map<String, String> warm = run(cache, temp.resolve("r2"), "on", WarmOnMariaDb.class);
        assertThat(start(temp.resolve("r2"))).startsWith("warm: snapshot ");
        assertThat(warm).isEqualTo(cold);

        Map<String, String> memoryCold =
                run(cache, temp.resolve("r3"), "on", WarmOnMariaDbInMemory.class);
        assertThat(start(temp.resolve("r3"))).isEqualTo("cold");
        assertThat(entries(cache)).as("a key each").hasSize(2);
        Map<String, String> memoryWarm =
                run(cache, temp.resolve("r4"), "on", WarmOnMariaDbInMemory.class);
        assertThat(start(temp.resolve("r4"))).startsWith("warm: snapshot ");
        assertThat(memoryWarm).isEqualTo(memoryCold);
        // the same seed gives the same rows on either version
        assertThat(memoryCold.get("accounts")).isEqualTo(cold.get("accounts"));
        assertThat(memoryCold.get("invoices")).isEqualTo(cold.get("invoices"));
    }
}
