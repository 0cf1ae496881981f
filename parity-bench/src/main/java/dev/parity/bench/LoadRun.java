package dev.parity.bench;

import dev.parity.data.LoadReport;
import java.util.Comparator;
import java.util.List;

/**
 * What one child JVM of a load benchmark reported on its last line,
 * {@code RESULT seconds rows peakRssMb highWaterMarkMb | phases}.
 *
 * @param seconds         from the first row generated to the commit
 * @param peakRssMb       the child's resident memory, sampled every few milliseconds
 * @param highWaterMarkMb the kernel's VmHWM, as a cross-check
 * @param phases          where Parity's time went ({@code LoadPhases}); empty for a baseline
 */
record LoadRun(double seconds, long rows, long peakRssMb, long highWaterMarkMb, String phases) {

    static final String PREFIX = "RESULT ";

    private static final String PHASES = " | ";

    LoadRun(double seconds, long rows, long peakRssMb, long highWaterMarkMb) {
        this(seconds, rows, peakRssMb, highWaterMarkMb, "");
    }

    /** Parity's run: its report's rows and phases, the memory {@code rss} saw. */
    static LoadRun of(double seconds, LoadReport report, PeakRss rss) {
        return new LoadRun(
                seconds,
                report.rows(),
                rss.sampledPeakMb(),
                PeakRss.highWaterMarkMb(),
                report.phases().toString());
    }

    /** The line a child prints for this run. */
    String line() {
        return String.format(
                "%s%.3f %d %d %d%s%s",
                PREFIX, seconds, rows, peakRssMb, highWaterMarkMb, PHASES, phases);
    }

    static LoadRun parse(String line) {
        String rest = line.substring(PREFIX.length());
        int bar = rest.indexOf(PHASES);
        String[] f = (bar < 0 ? rest : rest.substring(0, bar)).trim().split(" ");
        return new LoadRun(
                Double.parseDouble(f[0]),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                bar < 0 ? "" : rest.substring(bar + PHASES.length()).trim());
    }

    double rowsPerSecond() {
        return rows / seconds;
    }

    /**
     * Several runs of one loader summed up: the median time (and its rows/s) and the highest memory of
     * any run.
     */
    static LoadRun median(List<LoadRun> runs) {
        List<LoadRun> sorted =
                runs.stream().sorted(Comparator.comparingDouble(LoadRun::seconds)).toList();
        LoadRun middle = sorted.get(sorted.size() / 2);
        double seconds =
                sorted.size() % 2 == 1
                        ? middle.seconds()
                        : (middle.seconds() + sorted.get(sorted.size() / 2 - 1).seconds()) / 2;
        return new LoadRun(
                seconds,
                middle.rows(),
                runs.stream().mapToLong(LoadRun::peakRssMb).max().orElse(-1),
                runs.stream().mapToLong(LoadRun::highWaterMarkMb).max().orElse(-1),
                middle.phases());
    }

    /** Each run's seconds, for the record: "4.81, 4.93, 5.02". */
    static String each(List<LoadRun> runs) {
        return String.join(
                ", ", runs.stream().map(r -> String.format("%.2f", r.seconds())).toList());
    }
}
