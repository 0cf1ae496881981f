package dev.parity.database;

import dev.parity.engine.ScriptFailedException;
import dev.parity.engine.Server;
import dev.parity.engine.spec.DatabaseOrigin;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.report.RunLog;
import dev.parity.settings.Settings;
import dev.parity.snapshot.SnapshotUnusableException;
import dev.parity.snapshot.WarmStart;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.Network;

/** Starts databases: Docker checked, container started, migrations and init scripts run, or everything stopped again. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Databases {

    /** Label on every container Parity starts, so leftovers can be found: {@code docker ps -f label=dev.parity}. */
    public static final String LABEL = ParityLabels.PARITY;

    private Databases() {}

    /**
     * Starts a database for {@code spec}.
     *
     * @param spec        what to start
     * @param classLoader where the migrations and init scripts are found, and the migration tool
     * @param label       who uses it, put on the container as {@value ParityLabels#PROFILE} (beside this run as its owner)
     * @throws DatabaseStartException when Docker is missing, the container does not start, or a migration or
     *                                a script fails; nothing is left running then
     */
    public static RunningDatabase start(DatabaseSpec spec, ClassLoader classLoader, String label) {
        return start(spec, classLoader, label, null, null);
    }

    /** As {@link #start(DatabaseSpec, ClassLoader, String)}, on {@code network} under {@code alias} if given. */
    public static RunningDatabase start(
            DatabaseSpec spec,
            ClassLoader classLoader,
            String label,
            Network network,
            String alias) {
        return start(
                spec,
                DatabaseOrigin.unknown("database " + spec.image() + " for " + label),
                classLoader,
                label,
                network,
                alias);
    }

    /**
     * As {@link #start(DatabaseSpec, ClassLoader, String, Network, String)}, with failures only Docker or the
     * server find (a missing image, a setting the server rejects) reported at the line of {@code origin}.
     */
    public static RunningDatabase start(
            DatabaseSpec spec,
            DatabaseOrigin origin,
            ClassLoader classLoader,
            String label,
            Network network,
            String alias) {
        return start(spec, origin, classLoader, label, network, alias, false);
    }

    /**
     * As {@link #start(DatabaseSpec, DatabaseOrigin, ClassLoader, String, Network, String)}; with {@code keepable},
     * the container may outlive the run ({@link RunningDatabase#keep()}): Testcontainers' own reaper (Ryuk, or its
     * JVM hook without Ryuk) is not told of it, so Parity alone stops it, as it stops every container it starts.
     */
    public static RunningDatabase start(
            DatabaseSpec spec,
            DatabaseOrigin origin,
            ClassLoader classLoader,
            String label,
            Network network,
            String alias,
            boolean keepable) {
        return start(
                spec,
                origin,
                classLoader,
                label,
                network,
                alias,
                keepable,
                Settings.LOCK_WAIT.getFromSystemProperties());
    }

    /**
     * As {@link #start(DatabaseSpec, DatabaseOrigin, ClassLoader, String, Network, String, boolean)}; a statement of the
     * migrations or init scripts that waits on a lock longer than {@code lockWait} is cancelled ({@link LockWatch}) and
     * the start fails naming it and the sessions holding the lock.
     */
    public static RunningDatabase start(
            DatabaseSpec spec,
            DatabaseOrigin origin,
            ClassLoader classLoader,
            String label,
            Network network,
            String alias,
            boolean keepable,
            Duration lockWait) {
        return start(
                spec,
                origin,
                classLoader,
                label,
                network,
                alias,
                keepable,
                lockWait,
                Optional.empty());
    }

    /**
     * As {@link #start(DatabaseSpec, DatabaseOrigin, ClassLoader, String, Network, String, boolean, Duration)}; with
     * {@code warm}, the server starts from that snapshot, whose state already holds the migrations, the init scripts
     * and the data, so none of them runs.
     *
     * @throws SnapshotUnusableException if the server does not start from the snapshot, or it did not arrive as it
     *     was saved (its checksum); nothing is left running then
     */
    public static RunningDatabase start(
            DatabaseSpec spec,
            DatabaseOrigin origin,
            ClassLoader classLoader,
            String label,
            Network network,
            String alias,
            boolean keepable,
            Duration lockWait,
            Optional<WarmStart.From> warm) {
        requireDocker(spec);
        long started = System.nanoTime();
        LocalImages.require(spec, origin.image());
        JdbcDatabaseContainer<?> container =
                spec.engine().container(spec).withLabels(ParityLabels.forProfile(label));
        if (network != null) {
            container.withNetwork(network).withNetworkAliases(alias);
        }
        // fails within a second of the server exiting, instead of waiting out the start timeout;
        // and once:
        // a server that exited at a setting exits again (MariaDB's module tried three times, two
        // minutes each)
        Optional<WarmStart.Restore> restoring =
                warm.map(
                        from ->
                                WarmStart.prepare(
                                        container,
                                        from.engine(),
                                        from.entry(),
                                        from.image(),
                                        from.transfer()));
        // a warm start's data directory is unpacked once the container runs, before the wait
        container
                .waitingFor(
                        new ConnectsUnlessExited(
                                container, () -> restoring.ifPresent(WarmStart.Restore::unpack)))
                .withStartupAttempts(1);
        if (keepable) {
            container.withCreateContainerCmdModifier(
                    command -> command.withLabels(new UnreapedLabels(command.getLabels())));
        }
        LeftoverGuard.remember(container);
        try {
            container.start();
        } catch (RuntimeException e) {
            stopQuietly(container);
            Optional<SnapshotUnusableException> unusable =
                    cause(e, SnapshotUnusableException.class);
            if (unusable.isPresent()) {
                throw unusable.get();
            }
            if (warm.isPresent()) {
                throw new SnapshotUnusableException(
                        warm.get().entry(), "did not start: " + rootMessage(e), e);
            }
            Optional<ContainerExit> exit = exitDuringStart(e);
            if (exit.isPresent()) {
                List<String> check =
                        spec.engine()
                                .explainStartExit(
                                        spec.image(), List.of(container.getCommandParts()));
                throw new DatabaseStartException(
                        ExitedDuringStartProblem.of(
                                spec,
                                origin,
                                exit.get(),
                                check,
                                Duration.ofNanos(System.nanoTime() - started)),
                        e);
            }
            throw new DatabaseStartException(whyNotStarted(spec, e), e);
        }
        if (warm.isPresent()) {
            return new RunningDatabase(
                    spec,
                    container,
                    Duration.ofNanos(System.nanoTime() - started),
                    Duration.ZERO,
                    Duration.ZERO);
        }
        Duration migrations = Duration.ZERO;
        if (!spec.migrations().isEmpty()) {
            long begun = System.nanoTime();
            runMigrations(spec, container, classLoader, lockWait);
            migrations = Duration.ofNanos(System.nanoTime() - begun);
            RunLog.migrationsRan(
                    spec.image(),
                    spec.migrations().tool().displayName(),
                    spec.migrations().locations(),
                    migrations);
        }
        Duration initScripts = Duration.ZERO;
        if (!spec.init().isEmpty()) {
            long begun = System.nanoTime();
            runInitScripts(spec, container, classLoader, lockWait);
            initScripts = Duration.ofNanos(System.nanoTime() - begun);
            RunLog.initScriptsRan(spec.image(), spec.init().size(), initScripts);
        }
        return new RunningDatabase(
                spec,
                container,
                Duration.ofNanos(System.nanoTime() - started),
                migrations,
                initScripts);
    }

    /** As the administrator, as init scripts run; once per start, so fresh copies and templates start from the migrated database. */
    private static void runMigrations(
            DatabaseSpec spec,
            JdbcDatabaseContainer<?> container,
            ClassLoader classLoader,
            Duration lockWait) {
        LockWatch watch =
                LockWatch.start(
                        spec.engine(),
                        adminServer(spec, container),
                        spec.name(),
                        lockWait,
                        "migrations");
        try {
            Migrations.run(spec, container, classLoader);
        } catch (MigrationFailedException e) {
            watch.close();
            stopQuietly(container);
            Optional<LockWatch.Intervention> ended = watch.intervention();
            if (ended.isPresent()) {
                throw new DatabaseStartException(
                        "migration failed: "
                                + e.where()
                                + " "
                                + LockWaitReport.describe(ended.get())
                                + "\n"
                                + Migrations.lockWaitFix(spec.migrations(), ended.get())
                                + "; the database ("
                                + spec.image()
                                + ") has been stopped.",
                        e);
            }
            throw new DatabaseStartException(
                    "migration failed: "
                            + e.describe()
                            + "\n"
                            + e.fix()
                            + " and run again; the database ("
                            + spec.image()
                            + ") has been stopped.",
                    e);
        } catch (RuntimeException | LinkageError e) {
            watch.close();
            stopQuietly(container);
            throw new DatabaseStartException(
                    "the "
                            + spec.migrations().tool().displayName()
                            + " migrations could not run against the new "
                            + spec.image()
                            + " database: "
                            + rootMessage(e)
                            + "; it has been stopped.",
                    e);
        } finally {
            watch.close();
        }
    }

    /** As the administrator, as the image's own init scripts run: a script may create what the test user may not. */
    private static void runInitScripts(
            DatabaseSpec spec,
            JdbcDatabaseContainer<?> container,
            ClassLoader classLoader,
            Duration lockWait) {
        LockWatch watch =
                LockWatch.start(
                        spec.engine(),
                        adminServer(spec, container),
                        spec.name(),
                        lockWait,
                        "init scripts");
        try {
            InitScripts.run(spec, container, classLoader);
        } catch (ScriptFailedException e) {
            watch.close();
            stopQuietly(container);
            Optional<LockWatch.Intervention> ended = watch.intervention();
            if (ended.isPresent()) {
                throw new DatabaseStartException(
                        "init script failed: "
                                + e.script()
                                + (e.line() > 0 ? ", line " + e.line() : "")
                                + " "
                                + LockWaitReport.describe(ended.get())
                                + "\n"
                                + INIT_LOCK_FIX
                                + "; the database ("
                                + spec.image()
                                + ") has been stopped.",
                        e);
            }
            throw new DatabaseStartException(
                    "init script failed: "
                            + e.describe()
                            + "\nFix the script and run again; the database ("
                            + spec.image()
                            + ") has been stopped.",
                    e);
        } catch (SQLException | RuntimeException e) {
            watch.close();
            stopQuietly(container);
            throw new DatabaseStartException(
                    "could not connect to the new "
                            + spec.image()
                            + " database to run its init scripts: "
                            + e.getMessage()
                            + "; it has been stopped.",
                    e);
        } finally {
            watch.close();
        }
    }

    private static final String INIT_LOCK_FIX =
            "Another session holds that lock and does not let it go while the script waits for it: end that "
                    + "session's transaction (or the session) before the statement that needs the lock, and run again; if the wait is only long, "
                    + "raise "
                    + Settings.LOCK_WAIT.name()
                    + " (for example -D"
                    + Settings.LOCK_WAIT.name()
                    + "=5m)";

    /** The server of a container not yet wrapped in a {@link RunningDatabase}. */
    private static Server adminServer(DatabaseSpec spec, JdbcDatabaseContainer<?> container) {
        return new Server(
                container.getJdbcUrl(),
                container.getUsername(),
                container.getPassword(),
                spec.engine().adminUser(spec),
                spec.password(),
                ContainerShell.of(container));
    }

    /**
     * Fails with what to do when Docker cannot be reached.
     *
     * @throws DatabaseStartException saying how to start Docker or point at one
     */
    public static void requireDocker(DatabaseSpec spec) {
        try {
            DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            if (causedBy(e, ContainerFetchException.class)) {
                throw new DatabaseStartException(
                        "Docker is reachable, but Testcontainers could not get an image it needs for itself ("
                                + rootMessage(e)
                                + "). Where no registry can be reached, set the environment variable TESTCONTAINERS_RYUK_DISABLED=true "
                                + "(Parity stops its containers itself) or make the image available locally, then run the tests again.",
                        e);
            }
            throw new DatabaseStartException(
                    "Docker is not reachable, and Parity runs the "
                            + spec.engine().displayName()
                            + " database ("
                            + spec.image()
                            + ") in a container. Start Docker (Docker Desktop, or 'sudo systemctl start docker' on Linux), "
                            + "or point DOCKER_HOST at a running engine, then run the tests again. Testcontainers said: "
                            + rootMessage(e),
                    e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type).isPresent();
    }

    /** The first of {@code e}'s chain that is a {@code type}, however deep Testcontainers wrapped it. */
    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Optional<ContainerExit> exitDuringStart(Throwable e) {
        return cause(e, ConnectsUnlessExited.ExitedDuringStart.class)
                .map(ConnectsUnlessExited.ExitedDuringStart::exit);
    }

    private static String whyNotStarted(DatabaseSpec spec, RuntimeException e) {
        if (causedBy(e, ContainerFetchException.class)) {
            return "the image '"
                    + spec.image()
                    + "' is not available: it is not on this machine and could not be pulled ("
                    + rootMessage(e)
                    + "). Check the image name and tag in the profile, or pull it first with 'docker pull "
                    + spec.image()
                    + "'.";
        }
        return "the "
                + spec.engine().displayName()
                + " container ("
                + spec.image()
                + ") did not start: "
                + rootMessage(e)
                + ". Check the image and the profile's settings; the container has been removed.";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static void stopQuietly(JdbcDatabaseContainer<?> container) {
        try {
            LeftoverGuard.close(container);
        } catch (RuntimeException suppressed) {
            // the original failure is what the user needs to see
        }
    }
}
