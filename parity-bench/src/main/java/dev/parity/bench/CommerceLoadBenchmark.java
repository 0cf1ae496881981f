package dev.parity.bench;

import java.util.List;

/**
 * About 1.4 million rows into a foreign-key-heavy shop schema ({@code bench/commerce.sql} on
 * {@code postgres:15}: 16 tables, payments partitioned by month, 24 secondary indexes, 30 foreign keys,
 * CHECKs), by Parity two ways, each in a JVM of its own with the same heap limit, against the same
 * database, in alternating rounds: as it loaded before ({@value CommerceLoad#AS_TODAY}: every index
 * maintained and every foreign key checked row by row during COPY) and as it loads now
 * ({@value CommerceLoad#REBUILT}: secondary indexes and foreign keys dropped inside the load's transaction
 * and rebuilt, set-based, at its end). Prints the medians side by side, the ratio, peak resident memory and
 * the command to run it again.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.CommerceLoadBenchmark
 * </pre>
 *
 * <p>Arguments (all optional): scale (1.0, about 1.4 million rows), generator threads (2), child heap (160m),
 * rounds (3). System properties: {@code -Dbench.jvmArgs="..."} adds options to the child JVMs (e.g.
 * {@code -Dbench.sample=true} for where the time goes), {@code -Dbench.image=postgres:17} another image.
 */
public final class CommerceLoadBenchmark {

    static final String COMMAND =
            "mvn -B -q -pl parity-bench -am package -DskipTests && "
                    + "java -cp \"parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)\" dev.parity.bench.CommerceLoadBenchmark";

    private CommerceLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String heap = args.length > 2 ? args[2] : "160m";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String image = System.getProperty("bench.image", "postgres:15");
        long rows = CommerceDatasets.totalRows(scale);
        try (LoadTarget target =
                LoadTarget.start(
                        "postgres",
                        image,
                        "bench/commerce.sql",
                        heap,
                        CommerceDatasets.emptyTables(),
                        CommerceDatasets.countQuery())) {
            System.out.printf(
                    "%,d rows into 16 tables, %d generator threads, -Xmx%s; %d rounds ...%n",
                    rows, threads, heap, rounds);
            Rounds measured =
                    new Rounds()
                            .add(
                                    CommerceLoad.REBUILT,
                                    () ->
                                            target.run(
                                                    CommerceLoad.class,
                                                    List.of(
                                                            CommerceLoad.REBUILT,
                                                            Integer.toString(threads),
                                                            Double.toString(scale)),
                                                    rows))
                            .add(
                                    CommerceLoad.AS_TODAY,
                                    () ->
                                            target.run(
                                                    CommerceLoad.class,
                                                    List.of(
                                                            CommerceLoad.AS_TODAY,
                                                            Integer.toString(threads),
                                                            Double.toString(scale)),
                                                    rows))
                            .run(rounds);
            LoadRun rebuilt = measured.median(CommerceLoad.REBUILT);
            LoadRun kept = measured.median(CommerceLoad.AS_TODAY);
            System.out.println();
            System.out.printf(
                    "PostgreSQL (%s), commerce schema, %,d rows, median of %d rounds%n",
                    image, rows, rounds);
            System.out.printf(
                    "%-34s %10s %14s %18s   %s%n",
                    "", "seconds", "rows/s", "peak RSS (MB)", "each run (s)");
            row(measured, CommerceLoad.REBUILT, "indexes and FKs rebuilt at the end");
            row(measured, CommerceLoad.AS_TODAY, "indexes and FKs kept (before)");
            System.out.printf(
                    "Rebuilding is %.2fx keeping. Peak RSS %d MB sampled (VmHWM %d MB).%n",
                    kept.seconds() / rebuilt.seconds(),
                    rebuilt.peakRssMb(),
                    rebuilt.highWaterMarkMb());
            System.out.println("Rebuilt's median run: " + rebuilt.phases());
            System.out.printf(
                    "Goal: >= 200,000 rows/s, <= 256 MB: %s%n",
                    rebuilt.rowsPerSecond() >= 200_000 && rebuilt.peakRssMb() <= 256
                            ? "met"
                            : "NOT met");
            System.out.println("Run again with: " + COMMAND);
        }
    }

    private static void row(Rounds measured, String name, String label) {
        LoadRun median = measured.median(name);
        System.out.printf(
                "%-34s %10.2f %,14.0f %18d   %s%n",
                label,
                median.seconds(),
                median.rowsPerSecond(),
                median.peakRssMb(),
                LoadRun.each(measured.runsOf(name)));
    }
}
