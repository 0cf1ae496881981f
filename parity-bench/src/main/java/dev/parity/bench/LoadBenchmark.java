package dev.parity.bench;

import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.profile.DatabaseEngine;
import dev.parity.profile.DatabaseSpec;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A million messy rows into a ten-column PostgreSQL table, by Parity and by the baseline a user writes by
 * hand, each in a JVM of its own with the same heap limit, against the same database. Prints both
 * figures, the ratio, Parity's peak resident memory and the command to run it again.
 *
 * <p>Arguments (all optional): rows (1000000), Parity's generator threads (2), child heap (160m).
 * System properties: {@code -Dbench.jvmArgs="..."} adds options to both child JVMs (e.g. a profiler),
 * {@code -Dbench.baseline=false} skips the baseline.
 */
public final class LoadBenchmark {

    static final String COMMAND = "mvn -B -q -pl parity-bench -am package -DskipTests && "
            + "java -cp \"parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)\" dev.parity.bench.LoadBenchmark";

    private LoadBenchmark() {
    }

    /** What one child JVM reported. */
    private record Run(double seconds, long rows, long peakRssMb, long highWaterMarkMb) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String heap = args.length > 2 ? args[2] : "160m";
        DatabaseSpec spec = new DatabaseSpec(DatabaseEngine.POSTGRES, "postgres:15", "bench", "bench", "bench", List.of("bench/people.sql"), Map.of(), null);
        System.out.printf("Starting %s ...%n", spec.image());
        try (RunningDatabase database = Databases.start(spec, LoadBenchmark.class.getClassLoader(), "bench")) {
            System.out.printf("Parity: %,d messy rows, %d generator threads, -Xmx%s ...%n", rows, threads, heap);
            Run parity = child(ParityLoad.class, database, rows, threads, heap);
            check(database, rows);
            truncate(database);
            if (!Boolean.parseBoolean(System.getProperty("bench.baseline", "true"))) {
                System.out.printf("Parity: %.2f s, %,.0f rows/s, peak RSS %d MB (VmHWM %d MB)%n", parity.seconds(), parity.rowsPerSecond(),
                        parity.peakRssMb(), parity.highWaterMarkMb());
                return;
            }
            System.out.printf("Baseline: %,d rows, Datafaker per cell, JDBC batches of 1000 with reWriteBatchedInserts, -Xmx%s ...%n", rows, heap);
            Run baseline = child(BaselineLoad.class, database, rows, threads, heap);
            check(database, rows);

            System.out.println();
            System.out.printf("%-9s %10s %14s %18s%n", "", "seconds", "rows/s", "peak RSS (MB)");
            System.out.printf("%-9s %10.2f %,14.0f %18d%n", "Parity", parity.seconds(), parity.rowsPerSecond(), parity.peakRssMb());
            System.out.printf("%-9s %10.2f %,14.0f %18d%n", "baseline", baseline.seconds(), baseline.rowsPerSecond(), baseline.peakRssMb());
            System.out.printf("Parity is %.1fx the baseline. Parity JVM: -Xmx%s, peak RSS %d MB sampled (VmHWM %d MB).%n",
                    baseline.seconds() / parity.seconds(), heap, parity.peakRssMb(), parity.highWaterMarkMb());
            System.out.printf("Goal: <= 5 s, >= 4x, < 256 MB: %s%n", parity.seconds() <= 5 && baseline.seconds() / parity.seconds() >= 4
                    && parity.peakRssMb() < 256 ? "met" : "NOT met");
            System.out.println("Run again with: " + COMMAND);
        }
    }

    private static Run child(Class<?> main, RunningDatabase database, long rows, int threads, String heap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx" + heap, "-XX:+UseSerialGC"));
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(),
                database.jdbcUrl(), database.username(), database.password(), Long.toString(rows), Integer.toString(threads)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Run run = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    run = new Run(Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
                } else {
                    System.out.println("  | " + line);
                }
            }
        }
        if (process.waitFor() != 0 || run == null) {
            throw new IllegalStateException(main.getSimpleName() + " failed with exit code " + process.exitValue());
        }
        return run;
    }

    private static void check(RunningDatabase database, long rows) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from people")) {
            count.next();
            if (count.getLong(1) != rows) {
                throw new IllegalStateException("people has " + count.getLong(1) + " rows, not " + rows);
            }
        }
    }

    private static void truncate(RunningDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate people");
            statement.execute("checkpoint");
        }
    }
}
