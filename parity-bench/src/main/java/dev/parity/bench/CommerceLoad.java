package dev.parity.bench;

import dev.parity.data.DatasetLoader;
import dev.parity.data.LoadReport;
import dev.parity.engine.Engines;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The measured side of {@link CommerceLoadBenchmark}, in a JVM of its own so that its memory is its own:
 * loads {@link CommerceDatasets} with {@link DatasetLoader} and PostgreSQL's loader, and prints each table's
 * time and a {@link LoadRun} line.
 *
 * <p>Arguments: url, user, password, way ({@value #AS_TODAY}: indexes and foreign keys kept during the
 * load, as before; {@value #REBUILT}: dropped and rebuilt), generator threads, scale.
 * {@code -Dbench.sample=true} prints where the loading thread's time goes ({@link StackSampler}).
 */
public final class CommerceLoad {

    static final String AS_TODAY = "kept";
    static final String REBUILT = "rebuilt";

    private CommerceLoad() {}

    public static void main(String[] args) {
        PeakRss rss = PeakRss.start();
        String way = args[3];
        if (!way.equals(AS_TODAY) && !way.equals(REBUILT)) {
            throw new IllegalArgumentException(
                    "way is " + AS_TODAY + " or " + REBUILT + ", not " + way);
        }
        System.setProperty("parity.load.keepIndexes", Boolean.toString(way.equals(AS_TODAY)));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        int threads = Integer.parseInt(args[4]);
        double scale = Double.parseDouble(args[5]);
        StackSampler sampler = Boolean.getBoolean("bench.sample") ? new StackSampler() : null;
        if (sampler != null) {
            sampler.start(Thread.currentThread());
        }
        long started = System.nanoTime();
        LoadReport report =
                DatasetLoader.load(
                        Engines.byId("postgres").orElseThrow(),
                        dataSource,
                        CommerceDatasets.specs(scale),
                        42,
                        threads,
                        System.out::println);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (sampler != null) {
            sampler.stop();
            sampler.print(12);
        }
        System.out.println(
                report.tables().stream()
                        .map(
                                t ->
                                        String.format(
                                                "%s %.2f s",
                                                t.table(), t.duration().toNanos() / 1e9))
                        .collect(Collectors.joining(", ")));
        System.out.println(LoadRun.of(seconds, report, rss).line());
    }
}
