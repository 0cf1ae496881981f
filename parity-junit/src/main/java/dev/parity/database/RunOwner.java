package dev.parity.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The run (one JVM) that started something: its machine, its pid and the pid's start time. Written on
 * what a run starts (a container label, a process marker, a proxy name) so that a later run can tell,
 * without guessing, that the run is over: same machine, and the pid no longer runs or runs a process that
 * started at another time.
 *
 * @param host        the machine's host name, for people reading labels
 * @param machine     a hash of what makes a pid meaningful: host name, machine id and (on Linux) the pid
 *                    namespace, so two containers sharing one Docker engine are two machines
 * @param pid         the JVM's process id
 * @param startMillis when that process started (epoch millis, as the OS reports it), 0 if unknown
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunOwner(String host, String machine, long pid, long startMillis) {

    private static final Pattern RUN_ID =
            Pattern.compile("([0-9a-f]{12})\\.(\\d+)\\.([0-9a-z]+)(?=-|$)");

    private static final RunOwner CURRENT = of(ProcessHandle.current());

    /** This JVM. */
    public static RunOwner current() {
        return CURRENT;
    }

    /**
     * The owner written as a label: {@code host~machine:pid:startMillis}.
     */
    public String label() {
        return host + "~" + machine + ":" + pid + ":" + startMillis;
    }

    /** A label as {@link #label()} writes it; empty for anything else, which is then never treated as dead. */
    public static Optional<RunOwner> parseLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        int start = label.lastIndexOf(':');
        int pid = start > 0 ? label.lastIndexOf(':', start - 1) : -1;
        int tilde = pid > 0 ? label.lastIndexOf('~', pid - 1) : -1;
        if (tilde < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new RunOwner(
                            label.substring(0, tilde),
                            label.substring(tilde + 1, pid),
                            Long.parseLong(label.substring(pid + 1, start)),
                            Long.parseLong(label.substring(start + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A short id for names that must be unique across runs and machines, such as Toxiproxy proxies on a
     * shared server: {@code machine.pid.start} (the start in base 36). No two runs share one.
     */
    public String runId() {
        return machine + "." + pid + "." + Long.toString(startMillis, 36);
    }

    /** The run id at the start of {@code text} (as {@link #runId()} writes it), without the host name. */
    public static Optional<RunOwner> parseRunId(String text) {
        Matcher matcher = RUN_ID.matcher(text);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new RunOwner(
                            "",
                            matcher.group(1),
                            Long.parseLong(matcher.group(2)),
                            Long.parseLong(matcher.group(3), 36)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this run is provably over: it ran on this machine, is not this JVM, and its pid no longer
     * runs or now belongs to a process that started at another time. A run on another machine, or one whose
     * pid runs and whose start time cannot be compared, is never over: what it started is not ours to remove.
     */
    public boolean endedOnThisMachine() {
        RunOwner me = current();
        if (!machine.equals(me.machine) || (pid == me.pid && startMillis == me.startMillis)) {
            return false; // another machine's pids mean nothing here; and this run is alive
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        long running = startMillis(process.get());
        return startMillis != 0 && running != 0 && running != startMillis; // the pid was reused
    }

    /** The owner of {@code process}, a process on this machine. */
    static RunOwner of(ProcessHandle process) {
        return new RunOwner(Machine.HOST, Machine.ID, process.pid(), startMillis(process));
    }

    /** When {@code process} started as the OS reports it, 0 where it does not. */
    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** This machine, computed once: files under /proc and /etc are read, never DNS asked (which may hang). */
    private static final class Machine {

        static final String HOST = hostName();
        static final String ID =
                hash(HOST + "\n" + read("/etc/machine-id") + "\n" + pidNamespace());

        private static String hostName() {
            String host = read("/proc/sys/kernel/hostname");
            if (host.isEmpty()) {
                host =
                        System.getenv()
                                .getOrDefault(
                                        "COMPUTERNAME",
                                        System.getenv().getOrDefault("HOSTNAME", "unknown-host"));
            }
            return host.replaceAll("[^A-Za-z0-9_.-]", "_");
        }

        /** On Linux, {@code pid:[4026531836]}: pids of two namespaces (two containers) are not comparable. */
        private static String pidNamespace() {
            try {
                return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return "";
            }
        }

        private static String read(String file) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException | SecurityException e) {
                return "";
            }
        }

        private static String hash(String text) {
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }
}
