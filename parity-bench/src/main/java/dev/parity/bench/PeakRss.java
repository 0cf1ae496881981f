package dev.parity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM's resident memory, from /proc/self/status: VmRSS sampled every few milliseconds by a daemon
 * thread, and VmHWM, the kernel's own high-water mark, as a cross-check.
 */
final class PeakRss {

    private volatile long peakKb;

    static PeakRss start() {
        PeakRss rss = new PeakRss();
        Thread sampler =
                new Thread(
                        () -> {
                            while (true) {
                                rss.peakKb = Math.max(rss.peakKb, read("VmRSS:"));
                                try {
                                    Thread.sleep(5);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return rss;
    }

    long sampledPeakMb() {
        return Math.max(peakKb, read("VmRSS:")) / 1024;
    }

    static long highWaterMarkMb() {
        return read("VmHWM:") / 1024;
    }

    private static long read(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
