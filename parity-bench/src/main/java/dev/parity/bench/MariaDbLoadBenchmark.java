package dev.parity.bench;

import java.util.List;

/**
 * A million messy rows into the same ten-column table on MariaDB ({@code bench/people-mariadb.sql} on
 * {@code mariadb:10.11}), three ways, each in a JVM of its own with the same heap limit, against the same
 * database, in alternating rounds:
 * <ul>
 *   <li>Parity: {@code DatasetLoader} with {@code MariaDbEngine}'s bulk loader, {@code LOAD DATA LOCAL INFILE}
 *       from memory;</li>
 *   <li>the same in a JVM that loaded the rows once before (the JIT compiler's warm-up left out);</li>
 *   <li>the server's own {@code LOAD DATA INFILE} of the rows Parity loaded, from a file it wrote of them: the
 *       limit;</li>
 *   <li>for the record, Parity's loader with one multi-row {@code INSERT ... VALUES (...),(...)} per chunk
 *       instead ({@link MultiRowInsertLoader}), to show that LOAD DATA is the faster path;</li>
 *   <li>the baseline a user writes by hand ({@link BaselineLoad}: Datafaker per cell, JDBC batches of 1000)
 *       with MariaDB Connector/J's {@code rewriteBatchedStatements=true}, which turns each batch into one
 *       multi-row INSERT (the fastest of the driver's batch options here; override with
 *       {@code -Dbench.baselineOptions=useBulkStmts=true} to try its binary bulk protocol).</li>
 * </ul>
 * Prints the medians side by side, the ratios, Parity's peak resident memory, and whether the goal
 * (at most 8 s and at least 3x the baseline) is met.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.MariaDbLoadBenchmark
 * </pre>
 *
 * <p>Arguments (all optional): rows (1000000), Parity's generator threads (2), child heap (160m), rounds (3).
 * System properties: {@code -Dbench.jvmArgs="..."} adds options to the child JVMs, {@code -Dbench.image=mariadb:11.8}
 * another image, {@code -Dbench.baseline=false} skips the baseline (and the INSERT variant).
 */
public final class MariaDbLoadBenchmark {

    static final String COMMAND =
            "mvn -B -q -pl parity-bench -am package -DskipTests && "
                    + "java -cp \"parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)\" dev.parity.bench.MariaDbLoadBenchmark";

    private static final String PARITY = "Parity";
    private static final String INSERT = "INSERT";
    private static final String BASELINE = "baseline";
    private static final String SERVER = "LOAD DATA INFILE";
    private static final String WARM = "Parity+1";

    private MariaDbLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String heap = args.length > 2 ? args[2] : "160m";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String image = System.getProperty("bench.image", "mariadb:10.11");
        String baselineOptions =
                System.getProperty("bench.baselineOptions", "rewriteBatchedStatements=true");
        boolean withBaseline = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
        try (LoadTarget target =
                LoadTarget.start(
                        "mariadb",
                        image,
                        "bench/people-mariadb.sql",
                        heap,
                        List.of("truncate table people"))) {
            System.out.printf(
                    "Parity: %,d messy rows, %d generator threads, -Xmx%s; baseline: Datafaker per cell, JDBC batches of 1000 "
                            + "with %s; %d rounds ...%n",
                    rows, threads, heap, baselineOptions, rounds);
            Rounds measured =
                    new Rounds()
                            .add(PARITY, () -> target.parity("mariadb", rows, threads))
                            .add(WARM, () -> target.parity("mariadb", rows, threads, 1))
                            .add(SERVER, () -> target.serverCopy(rows));
            if (withBaseline) {
                measured.add(INSERT, () -> target.parity(ParityLoad.MARIADB_INSERT, rows, threads))
                        .add(BASELINE, () -> target.baseline(baselineOptions, rows));
            }
            measured.run(rounds);
            LoadRun parity = measured.median(PARITY);
            System.out.println();
            System.out.printf("MariaDB (%s), %,d rows, median of %d rounds%n", image, rows, rounds);
            System.out.printf(
                    "%-40s %10s %14s %18s %10s   %s%n",
                    "", "seconds", "rows/s", "peak RSS (MB)", "vs base", "each run (s)");
            LoadRun baseline = withBaseline ? measured.median(BASELINE) : null;
            row(measured, PARITY, "Parity, LOAD DATA LOCAL", baseline);
            row(measured, WARM, "Parity, in a JVM that loaded once", baseline);
            row(measured, SERVER, "the server's own LOAD DATA INFILE", baseline);
            LoadRun server = measured.median(SERVER);
            System.out.printf(
                    "Parity is %.2fx the server's own LOAD DATA INFILE of the same rows (%.2fx in a JVM that loaded once)."
                            + " Goal: <= 6 s: %s%n",
                    parity.seconds() / server.seconds(),
                    measured.median(WARM).seconds() / server.seconds(),
                    parity.seconds() <= 6 ? "met" : "NOT met");
            if (withBaseline) {
                row(measured, INSERT, "Parity, multi-row INSERT", baseline);
                row(measured, BASELINE, "baseline, " + baselineOptions, baseline);
                LoadRun insert = measured.median(INSERT);
                System.out.printf(
                        "Parity is %.1fx the baseline; LOAD DATA is %.1fx multi-row INSERT. Parity JVM: -Xmx%s, peak RSS %d MB sampled "
                                + "(VmHWM %d MB).%n",
                        baseline.seconds() / parity.seconds(),
                        insert.seconds() / parity.seconds(),
                        heap,
                        parity.peakRssMb(),
                        parity.highWaterMarkMb());
                System.out.printf(
                        "Goal: <= 8 s, >= 3x: %s%n",
                        parity.seconds() <= 8 && baseline.seconds() / parity.seconds() >= 3
                                ? "met"
                                : "NOT met");
            }
            System.out.println("Run again with: " + COMMAND);
        }
    }

    private static void row(Rounds measured, String name, String label, LoadRun baseline) {
        LoadRun median = measured.median(name);
        System.out.printf(
                "%-40s %10.2f %,14.0f %18d %10s   %s%n",
                label,
                median.seconds(),
                median.rowsPerSecond(),
                median.peakRssMb(),
                baseline == null
                        ? ""
                        : String.format("%.1fx", baseline.seconds() / median.seconds()),
                LoadRun.each(measured.runsOf(name)));
    }
}
