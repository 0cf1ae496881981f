package dev.parity.bench;

import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Engines;
import dev.parity.engine.spec.DatabaseSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database a load benchmark runs against, started by Parity with the benchmark's schema (the
 * {@code people} table, or {@code bench/commerce.sql}), and the runs against it: each loads into the empty
 * tables in a child JVM ({@link ChildJvm}), is counted, and the tables are emptied again. Closing it stops
 * the database.
 */
final class LoadTarget implements AutoCloseable {

    /** On the database container as {@code dev.parity.profile}, to find leftovers: {@code docker ps -a -f label=dev.parity.profile=parity-bench-load}. */
    static final String LABEL = "parity-bench-load";

    private final RunningDatabase database;
    private final String heap;
    private final List<String> emptyTable;
    private final String countRows;

    /** The file on the server holding the first Parity run's rows; null until it is written. */
    private String rowsFile;

    private LoadTarget(
            RunningDatabase database, String heap, List<String> emptyTable, String countRows) {
        this.database = database;
        this.heap = heap;
        this.emptyTable = emptyTable;
        this.countRows = countRows;
    }

    /**
     * @param engine     an engine id, {@code postgres} or {@code mariadb}
     * @param schema     the classpath script that creates {@code people}
     * @param heap       the children's heap limit, e.g. {@code 160m}
     * @param emptyTable what empties {@code people} between runs
     */
    static LoadTarget start(
            String engine, String image, String schema, String heap, List<String> emptyTable) {
        return start(engine, image, schema, heap, emptyTable, "select count(*) from people");
    }

    /** @param countRows a query of one number: the rows of every loaded table */
    static LoadTarget start(
            String engine,
            String image,
            String schema,
            String heap,
            List<String> emptyTable,
            String countRows) {
        DatabaseSpec spec =
                DatabaseSpec.defaults(Engines.byId(engine).orElseThrow())
                        .withImage(image)
                        .withInit(List.of(schema));
        if (engine.equals("mariadb")) {
            // where the server may write and read the rows of its own load (serverCopy)
            spec = spec.withSettings(Map.of("secure_file_priv", "/tmp"));
        }
        System.out.printf("Starting %s ...%n", image);
        return new LoadTarget(
                Databases.start(spec, LoadTarget.class.getClassLoader(), LABEL),
                heap,
                emptyTable,
                countRows);
    }

    /** {@code main} run in a child JVM with the database's URL, user and password before {@code args}. */
    LoadRun run(Class<?> main, List<String> args, long rows) throws Exception {
        List<String> all =
                new ArrayList<>(
                        List.of(database.jdbcUrl(), database.username(), database.password()));
        all.addAll(args);
        return checked(ChildJvm.run(main, heap, all), rows);
    }

    /** Parity's {@link ParityLoad} with {@code loader} (an engine id, or {@link ParityLoad#MARIADB_INSERT}). */
    LoadRun parity(String loader, long rows, int threads) throws Exception {
        return parity(loader, rows, threads, 0);
    }

    /** {@link #parity(String, long, int)} after {@code loadsBefore} loads of the same rows in the same JVM, emptied again. */
    LoadRun parity(String loader, long rows, int threads, int loadsBefore) throws Exception {
        LoadRun run =
                ChildJvm.run(
                        ParityLoad.class,
                        heap,
                        List.of(
                                loader,
                                database.jdbcUrl(),
                                database.username(),
                                database.password(),
                                Long.toString(rows),
                                Integer.toString(threads),
                                Integer.toString(loadsBefore)));
        saveRowsOnce();
        return checked(run, rows);
    }

    /** The hand-written {@link BaselineLoad}, with {@code urlOptions} added to the JDBC URL. */
    LoadRun baseline(String urlOptions, long rows) throws Exception {
        String url =
                database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + urlOptions;
        return checked(
                ChildJvm.run(
                        BaselineLoad.class,
                        heap,
                        List.of(
                                url,
                                database.username(),
                                database.password(),
                                Long.toString(rows))),
                rows);
    }

    /**
     * The server's own load of the rows Parity loaded first: {@code COPY people FROM} (MariaDB: {@code LOAD DATA
     * INFILE}, foreign key and unique checks off as Parity's load has them, one transaction) a file the server wrote
     * of them, no client and no generator, its primary key in place, as the administrator. The first {@link #parity}
     * run writes the file.
     */
    LoadRun serverCopy(long rows) throws SQLException {
        if (rowsFile == null) {
            throw new IllegalStateException("no Parity run has saved its rows yet");
        }
        long started;
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            if (postgres()) {
                started = System.nanoTime();
                statement.execute("copy people from '" + rowsFile + "'");
            } else {
                statement.execute("set foreign_key_checks = 0, unique_checks = 0");
                admin.setAutoCommit(false);
                started = System.nanoTime();
                statement.execute(
                        "load data infile '"
                                + rowsFile
                                + "' into table people character set binary");
                admin.commit();
            }
        }
        return checked(new LoadRun((System.nanoTime() - started) / 1e9, rows, 0, 0), rows);
    }

    private boolean postgres() {
        return database.engine().id().equals("postgres");
    }

    private Connection admin() throws SQLException {
        return postgres()
                ? PostgresBulkLoad.admin(database, database.jdbcUrl())
                : DriverManager.getConnection(
                        database.jdbcUrl(),
                        database.server().adminUsername(),
                        database.server().adminPassword());
    }

    /** The first Parity run's rows of {@code people}, written to a file on the server for {@link #serverCopy}. */
    private void saveRowsOnce() throws SQLException {
        if (rowsFile != null) {
            return;
        }
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            // the commerce benchmark's schema has no people
            if (ServerBulkLoad.of(database).qualified(admin, "people").isEmpty()) {
                return;
            }
            if (postgres()) {
                String file = "/tmp/parity-bench-people.copy";
                statement.execute("copy people to '" + file + "'");
                rowsFile = file;
            } else {
                // each start's own name: the server refuses to write over a file
                String file =
                        MariaDbBulkLoad.fileDirectory(statement)
                                + "parity-bench-people-"
                                + System.nanoTime()
                                + ".tsv";
                statement.execute(
                        "select * from people into outfile '" + file + "' character set binary");
                rowsFile = file;
            }
        }
    }

    private LoadRun checked(LoadRun run, long rows) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery(countRows)) {
                count.next();
                if (count.getLong(1) != rows) {
                    throw new IllegalStateException(
                            "the loaded tables have " + count.getLong(1) + " rows, not " + rows);
                }
            }
            for (String sql : emptyTable) {
                statement.execute(sql);
            }
        }
        System.out.printf(
                "  %.2f s, %,.0f rows/s, peak RSS %d MB%n",
                run.seconds(), run.rowsPerSecond(), run.peakRssMb());
        return run;
    }

    @Override
    public void close() {
        database.close();
    }
}
