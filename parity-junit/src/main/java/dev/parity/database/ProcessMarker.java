package dev.parity.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * A file per process Parity starts (a {@code toxiproxy-server}), in a directory of its own under the temp
 * directory: the process's pid and start time, and the run that started it. A process outlives a JVM
 * killed with {@code kill -9}; the next run finds its marker and, once the run that wrote it is provably
 * over, stops exactly that process (same pid, same start time), never another one that reuses its pid.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProcessMarker {

    private final Path file;

    private ProcessMarker(Path file) {
        this.file = file;
    }

    /** Where the markers are: one directory per user, as temp directories are often shared. */
    static Path directory() {
        return Path.of(
                System.getProperty("java.io.tmpdir"),
                "parity-"
                        + System.getProperty("user.name", "user")
                                .replaceAll("[^A-Za-z0-9_.-]", "_"),
                "processes");
    }

    /**
     * Marks {@code process} as started by this run. Never fails: a process without a marker only loses
     * its removal after an abnormal end.
     */
    public static ProcessMarker write(Process process) {
        Path file = directory().resolve(process.pid() + ".properties");
        Properties marker = new Properties();
        marker.setProperty("owner", RunOwner.current().label());
        marker.setProperty("pid", String.valueOf(process.pid()));
        marker.setProperty("start", String.valueOf(RunOwner.startMillis(process.toHandle())));
        marker.setProperty("command", process.info().command().orElse(""));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                marker.store(
                        out,
                        "a process Parity started; removed by the next run if this one ends abnormally");
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return new ProcessMarker(null);
        }
        return new ProcessMarker(file);
    }

    /** The process stopped normally: nothing left to remove. */
    public void delete() {
        if (file != null) {
            deleteQuietly(file);
        }
    }

    /**
     * Stops the processes of runs that are provably over and deletes their markers.
     *
     * @return the pids of the runs whose processes were stopped
     */
    static List<Long> stopLeftovers() {
        List<Long> owners = new ArrayList<>();
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return owners;
        }
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(directory, "*.properties")) {
            for (Path marker : markers) {
                stopLeftover(marker).ifPresent(owners::add);
            }
        } catch (IOException | UncheckedIOException e) {
            // unreadable: nothing provable to act on
        }
        return owners;
    }

    /** The dead owner's pid if its process was stopped; the marker is deleted once its owner is over. */
    private static Optional<Long> stopLeftover(Path file) {
        Properties marker = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            marker.load(in);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        Optional<RunOwner> owner = RunOwner.parseLabel(marker.getProperty("owner"));
        if (owner.isEmpty() || !owner.get().endedOnThisMachine()) {
            return Optional.empty();
        }
        boolean stopped = false;
        try {
            long pid = Long.parseLong(marker.getProperty("pid", ""));
            long start = Long.parseLong(marker.getProperty("start", ""));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            // the very process that was started, not one that got its pid since
            if (start != 0 && process.isPresent() && RunOwner.startMillis(process.get()) == start) {
                stopped = stop(process.get());
            }
        } catch (NumberFormatException e) {
            // a marker not written by Parity: its owner is over, so the marker goes
        }
        deleteQuietly(file);
        return stopped ? Optional.of(owner.get().pid()) : Optional.empty();
    }

    /** As {@code LocalToxiproxyServer} stops its own: politely, then forcibly after 5 s. */
    private static boolean stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException notYet) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale marker is harmless: its owner is checked again next time
        }
    }
}
