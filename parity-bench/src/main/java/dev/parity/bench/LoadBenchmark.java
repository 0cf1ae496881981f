package dev.parity.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A million messy rows into a ten-column PostgreSQL table ({@code bench/people.sql} on {@code postgres:15}),
 * by Parity ({@code DatasetLoader} with {@code PostgresEngine}'s COPY), by the server's own {@code COPY}
 * of the same rows from a file it wrote of them (the limit: no client, no generator), and by the baseline
 * a user writes by hand ({@link BaselineLoad}: Datafaker per cell, JDBC batches of 1000 with
 * {@code reWriteBatchedInserts=true}), each client in a JVM of its own with the same heap limit, against
 * the same database, in alternating rounds. Prints the medians side by side, the ratios, where Parity's
 * time went, its peak resident memory and the command to run it again.
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

    private static String met(LoadRun parity, LoadRun copy) {
        return parity.seconds() <= 3
                        && parity.seconds() <= 1.3 * copy.seconds()
                        && parity.peakRssMb() <= 256
                ? "met"
                : "NOT met";
    }

    /** Parity's load in a JVM that made the same load once already: its code compiled, as a run's second profile finds it. */
    private static final String WARM = "Parity+1";

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
                    "Parity: %,d messy rows, %d generator threads, -Xmx%s; the server's own COPY of Parity's rows from a file"
                            + " on the server; baseline: Datafaker per cell, JDBC batches of 1000 with reWriteBatchedInserts;"
                            + " %d rounds ...%n",
                    rows, threads, heap, rounds);
            Rounds measured =
                    new Rounds()
                            .add("Parity", () -> target.parity("postgres", rows, threads))
                            .add(WARM, () -> target.parity("postgres", rows, threads, 1))
                            .add("COPY", () -> target.serverCopy(rows));
            if (withBaseline) {
                measured.add("baseline", () -> target.baseline("reWriteBatchedInserts=true", rows));
            }
            measured.run(rounds);
            LoadRun parity = measured.median("Parity");
            LoadRun copy = measured.median("COPY");
            System.out.println();
            System.out.printf(
                    "PostgreSQL (postgres:15), %,d rows, median of %d rounds%n", rows, rounds);
            System.out.printf(
                    "%-11s %10s %14s %18s   %s%n",
                    "", "seconds", "rows/s", "peak RSS (MB)", "each run (s)");
            List<String> names = new ArrayList<>(List.of("Parity", WARM, "COPY"));
            if (withBaseline) {
                names.add("baseline");
            }
            for (String name : names) {
                LoadRun run = measured.median(name);
                System.out.printf(
                        "%-11s %10.2f %,14.0f %18s   %s%n",
                        name,
                        run.seconds(),
                        run.rowsPerSecond(),
                        name.equals("COPY") ? "(server)" : Long.toString(run.peakRssMb()),
                        LoadRun.each(measured.runsOf(name)));
            }
            LoadRun warm = measured.median(WARM);
            System.out.println("Parity's median run: " + parity.phases());
            System.out.println(WARM + "'s median run: " + warm.phases());
            System.out.printf(
                    "Parity is %.2fx the server's own COPY (%.2fx in a JVM that loaded once already)%s."
                            + " Parity JVM: -Xmx%s, peak RSS %d MB sampled (VmHWM %d MB).%n",
                    parity.seconds() / copy.seconds(),
                    warm.seconds() / copy.seconds(),
                    withBaseline
                            ? String.format(
                                    ", %.1fx faster than the baseline",
                                    measured.median("baseline").seconds() / parity.seconds())
                            : "",
                    heap,
                    parity.peakRssMb(),
                    parity.highWaterMarkMb());
            System.out.printf(
                    "Goal: <= 3 s, <= 1.3x the server's COPY, <= 256 MB: %s (%s: %s)%n",
                    met(parity, copy), WARM, met(warm, copy));
            System.out.println("Run again with: " + COMMAND);
        }
    }
}
