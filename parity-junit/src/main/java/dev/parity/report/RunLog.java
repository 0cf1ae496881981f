package dev.parity.report;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Everything Parity tells about a run, in one place and under one logger name, {@code dev.parity}
 * (through {@link System.Logger}, so it reaches whatever logging the build uses): environments started,
 * their migrations and init scripts run, data loaded, long loads' progress, and the seed of a failed
 * test's data. Never a password.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunLog {

    /** The logger name of every message. */
    public static final String LOGGER = "dev.parity";

    private static final Logger LOG = System.getLogger(LOGGER);

    private RunLog() {}

    /**
     * A database and its Toxiproxy server are ready for the classes of a profile.
     *
     * @param steps where the time went, step by step ({@code server 1612 ms, zone checked 9 ms, ...})
     */
    public static void environmentReady(
            String image,
            String profile,
            Duration total,
            Duration database,
            Duration proxy,
            String provider,
            String steps) {
        LOG.log(
                Level.INFO,
                () ->
                        String.format(
                                "Parity: %s for profile '%s' ready in %d ms (database %d ms, Toxiproxy %s %d ms%s; step by "
                                        + "step: %s), shared by every class whose profile asks for the same database",
                                image,
                                profile,
                                total.toMillis(),
                                database.toMillis(),
                                provider,
                                proxy.toMillis(),
                                provider.equals("container") ? ", started beside it" : "",
                                steps));
    }

    /** A server started from a snapshot: its key, how long, and what building it took when it was saved. */
    public static void startedFromSnapshot(
            String image, String profile, String key, Duration took, Duration built, String cache) {
        LOG.log(
                Level.INFO,
                () ->
                        String.format(
                                "Parity: %s for profile '%s' started from snapshot %s in %d ms (building it took %d ms when "
                                        + "it was saved; %d ms saved) from %s; -Dparity.snapshots=off builds every time",
                                image,
                                profile,
                                key,
                                took.toMillis(),
                                built.toMillis(),
                                Math.max(0, built.minus(took).toMillis()),
                                cache));
    }

    /** A snapshot was saved for the next run. */
    public static void snapshotSaved(
            String image, String profile, String key, long bytes, Duration took, String cache) {
        LOG.log(
                Level.INFO,
                () ->
                        String.format(
                                Locale.ROOT,
                                "Parity: %s for profile '%s' saved as snapshot %s (%,d MB in %d ms) in %s: the next run with "
                                        + "the same key starts from it; -Dparity.snapshots=off builds every time",
                                image,
                                profile,
                                key,
                                bytes >> 20,
                                took.toMillis(),
                                cache));
    }

    /** A snapshot could not be saved: the run goes on, the next one builds again. */
    public static void snapshotNotSaved(String image, String profile, String why) {
        LOG.log(
                Level.WARNING,
                () ->
                        String.format(
                                "Parity: %s for profile '%s' could not be saved as a snapshot, so the next run builds it "
                                        + "again: %s",
                                image, profile, why));
    }

    /** A snapshot was damaged or would not start: discarded, the environment built from scratch. */
    public static void snapshotDiscarded(String image, String profile, String why) {
        LOG.log(
                Level.WARNING,
                () ->
                        String.format(
                                "Parity: %s for profile '%s': %s. It has been deleted and the environment is built from "
                                        + "scratch (and saved again)",
                                image, profile, why));
    }

    /** A further data variant's database was copied from its server's base. */
    public static void variantCopied(String image, String database, Duration took) {
        LOG.log(
                Level.INFO,
                () ->
                        String.format(
                                "Parity: database %s for a further data variant copied on the %s server in %d ms",
                                database, image, took.toMillis()));
    }

    /** A server's base could not be copied: further data variants get servers of their own. */
    public static void noBase(String image, String why) {
        LOG.log(
                Level.INFO,
                () ->
                        String.format(
                                "Parity: the %s server's database could not be copied for further data variants, which get "
                                        + "servers of their own: %s",
                                image, why));
    }

    /** A database's migrations ran. */
    public static void migrationsRan(
            String image, String tool, List<String> locations, Duration took) {
        LOG.log(
                Level.INFO,
                () ->
                        String.format(
                                "Parity: %s migrations (%s) ran on %s in %d ms",
                                tool, String.join(", ", locations), image, took.toMillis()));
    }

    /** A database's init scripts ran. */
    public static void initScriptsRan(String image, int scripts, Duration took) {
        LOG.log(
                Level.INFO,
                () ->
                        String.format(
                                "Parity: %d init script%s ran on %s in %d ms",
                                scripts, scripts == 1 ? "" : "s", image, took.toMillis()));
    }

    /** Datasets were loaded. */
    public static void dataLoaded(String summary) {
        LOG.log(Level.INFO, () -> "Parity: loaded " + summary);
    }

    /** A table no dataset asked for was filled, because another table's NOT NULL foreign key needs its rows. */
    public static void parentFollowed(String message) {
        LOG.log(Level.INFO, () -> "Parity: " + message);
    }

    /** A long load goes on. */
    public static void progress(String message) {
        LOG.log(Level.INFO, () -> "Parity is " + message);
    }

    /**
     * What runs that ended abnormally left behind was removed, e.g. "Parity: removed 2 containers and 1
     * toxiproxy-server left by a run that ended abnormally (pid 1234)".
     */
    public static void leftoversRemoved(String what, Collection<Long> pids, boolean kept) {
        LOG.log(
                Level.INFO,
                () ->
                        "Parity: removed "
                                + what
                                + " left by "
                                + (pids.size() == 1 ? "a run" : "runs")
                                + " that "
                                + (kept ? "ended" : "ended abnormally")
                                + " ("
                                + (pids.size() == 1 ? "pid " : "pids ")
                                + pids.stream()
                                        .sorted()
                                        .map(String::valueOf)
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ")");
    }

    /**
     * A failed test's database was kept for forensics ({@code parity.keep=failed}); its container outlives
     * the run until the next run starts. The command comes without its password, which the test's report has.
     */
    public static void databaseKept(
            String test, String database, String image, String commandWithoutPassword) {
        LOG.log(
                Level.WARNING,
                () ->
                        "Parity: kept the database "
                                + database
                                + " of failed test "
                                + test
                                + " ("
                                + image
                                + "; removed by the next run that starts): "
                                + commandWithoutPassword);
    }

    /** Looking for what earlier runs left failed; nothing was removed, and the run goes on. */
    public static void leftoversNotChecked(String why) {
        LOG.log(
                Level.WARNING,
                () ->
                        "Parity: could not look for containers and processes left by earlier runs ("
                                + why
                                + "); they stay until removed by hand (docker ps -a -f label=dev.parity)");
    }

    /** A test or class left connections open that it had opened through Parity's DataSource; Parity closed them. */
    public static void connectionsLeftOpen(String owner, int connections) {
        LOG.log(
                Level.WARNING,
                () ->
                        "Parity: "
                                + owner
                                + " left "
                                + connections
                                + (connections == 1 ? " connection" : " connections")
                                + " open, opened through Parity's DataSource and never closed; Parity closed "
                                + (connections == 1 ? "it" : "them")
                                + ". Close what you open (try-with-resources): on a shared database a leak takes connection slots from every later class");
    }

    /** {@code Faults.failover} restarted a server: how long until it accepted connections again. */
    public static void serverRestarted(String test, String image, Duration took) {
        LOG.log(
                Level.INFO,
                () ->
                        "Parity: "
                                + test
                                + " restarted the "
                                + image
                                + " server (failover); it accepted connections again after "
                                + took.toMillis()
                                + " ms");
    }

    /** A test failed: the switches that replay it. */
    public static void replay(String test, String replay) {
        LOG.log(
                Level.WARNING,
                () ->
                        "Parity: "
                                + test
                                + " failed; replay its data, toxics, zone and locale with: "
                                + replay);
    }

    /** A {@code parity.*} key that is no setting, most likely a typo: it is ignored. */
    public static void unknownSetting(String message) {
        LOG.log(Level.WARNING, () -> "Parity: " + message);
    }

    /** The run's report was written. */
    public static void reportWritten(String directory, Duration took) {
        LOG.log(
                Level.INFO,
                () ->
                        "Parity: run report written to "
                                + directory
                                + " (report.md, report.json) in "
                                + took.toMillis()
                                + " ms");
    }
}
