package dev.parity.bench;

import dev.parity.data.DatasetLoader;
import dev.parity.data.DatasetSpec;
import dev.parity.data.LoadReport;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Parity side, in a JVM of its own so that its memory is its own: loads {@code rows} messy rows into
 * {@code people} and prints "RESULT seconds rows peakRssMb highWaterMarkMb".
 */
public final class ParityLoad {

    private ParityLoad() {
    }

    public static void main(String[] args) {
        PeakRss rss = PeakRss.start();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        long rows = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        long started = System.nanoTime();
        LoadReport report = DatasetLoader.load(dataSource, List.of(DatasetSpec.of("people", rows)), 42, threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(report);
        System.out.printf("RESULT %.3f %d %d %d%n", seconds, report.rows(), rss.sampledPeakMb(), PeakRss.highWaterMarkMb());
    }
}
