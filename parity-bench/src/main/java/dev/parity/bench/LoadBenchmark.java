package dev.parity.bench;

import java.util.List;

/**
 * A million messy rows into a ten-column PostgreSQL table ({@code bench/people.sql} on {@code postgres:15}),
 * by Parity ({@code DatasetLoader} with {@code PostgresEngine}'s COPY) and by the baseline a user writes
 * by hand ({@link BaselineLoad}: Datafaker per cell, JDBC batches of 1000 with
 * {@code reWriteBatchedInserts=true}), each in a JVM of its own with the same heap limit, against the same
 * database, in alternating rounds. Prints the medians side by side, the ratio, Parity's peak resident
 * memory and the command to run it again.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.LoadBenchmark
 * </pre>
 *
 * <p>Arguments (all optional): rows (1000000), Parity's generator threads (2), child heap (160m), rounds (3).
 * System properties: {@code -Dbench.jvmArgs="..."} adds options to the child JVMs (e.g. a profiler),
 * {@code -Dbench.baseline=false} skips the baseline.
 */
public final class LoadBenchmark {

    static final String COMMAND =
            "mvn -B -q -pl parity-bench -am package -DskipTests && "
                    + "java -cp \"parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)\" dev.parity.bench.LoadBenchmark";

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String heap = args.length > 2 ? args[2] : "160m";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        boolean withBaseline = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
        try (LoadTarget target =
                LoadTarget.start(
                        "postgres",
                        "postgres:15",
                        "bench/people.sql",
                        heap,
                        List.of("truncate people", "checkpoint"))) {
            System.out.printf(
                    "Parity: %,d messy rows, %d generator threads, -Xmx%s; baseline: Datafaker per cell, JDBC batches of 1000 "
                            + "with reWriteBatchedInserts; %d rounds ...%n",
                    rows, threads, heap, rounds);
            Rounds measured =
                    new Rounds().add("Parity", () -> target.parity("postgres", rows, threads));
            if (withBaseline) {
                measured.add("baseline", () -> target.baseline("reWriteBatchedInserts=true", rows));
            }
            measured.run(rounds);
            LoadRun parity = measured.median("Parity");
            if (!withBaseline) {
                System.out.printf(
                        "Parity: %.2f s, %,.0f rows/s, peak RSS %d MB (VmHWM %d MB), median of %s%n",
                        parity.seconds(),
                        parity.rowsPerSecond(),
                        parity.peakRssMb(),
                        parity.highWaterMarkMb(),
                        LoadRun.each(measured.runsOf("Parity")));
                return;
            }
            LoadRun baseline = measured.median("baseline");
            System.out.println();
            System.out.printf(
                    "PostgreSQL (postgres:15), %,d rows, median of %d rounds%n", rows, rounds);
            System.out.printf(
                    "%-9s %10s %14s %18s   %s%n",
                    "", "seconds", "rows/s", "peak RSS (MB)", "each run (s)");
            System.out.printf(
                    "%-9s %10.2f %,14.0f %18d   %s%n",
                    "Parity",
                    parity.seconds(),
                    parity.rowsPerSecond(),
                    parity.peakRssMb(),
                    LoadRun.each(measured.runsOf("Parity")));
            System.out.printf(
                    "%-9s %10.2f %,14.0f %18d   %s%n",
                    "baseline",
                    baseline.seconds(),
                    baseline.rowsPerSecond(),
                    baseline.peakRssMb(),
                    LoadRun.each(measured.runsOf("baseline")));
            System.out.printf(
                    "Parity is %.1fx the baseline. Parity JVM: -Xmx%s, peak RSS %d MB sampled (VmHWM %d MB).%n",
                    baseline.seconds() / parity.seconds(),
                    heap,
                    parity.peakRssMb(),
                    parity.highWaterMarkMb());
            System.out.printf(
                    "Goal: <= 5 s, >= 4x, < 256 MB: %s%n",
                    parity.seconds() <= 5
                                    && baseline.seconds() / parity.seconds() >= 4
                                    && parity.peakRssMb() < 256
                            ? "met"
                            : "NOT met");
            System.out.println("Run again with: " + COMMAND);
        }
    }
}
