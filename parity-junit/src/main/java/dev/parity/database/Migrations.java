package dev.parity.database;

import dev.parity.engine.LockWait;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.spec.MigrationTool;
import dev.parity.engine.spec.MigrationsSpec;
import dev.parity.settings.Settings;
import java.sql.SQLException;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * Runs a database's migrations with the tool the profile names, as the administrator (as init scripts
 * run), once, before the init scripts. The tool's classes are touched only here and only when a profile
 * has migrations: Flyway and Liquibase are the user's optional dependencies, checked before anything starts.
 */
final class Migrations {

    private Migrations() {}

    static void run(DatabaseSpec spec, JdbcDatabaseContainer<?> container, ClassLoader classLoader)
            throws MigrationFailedException {
        MigrationsSpec migrations = spec.migrations();
        Target target =
                new Target(
                        container.getJdbcUrl(),
                        spec.engine().adminUser(spec),
                        spec.password(),
                        spec);
        switch (migrations.tool()) {
            case FLYWAY -> FlywayMigrations.migrate(migrations, target, classLoader);
            case LIQUIBASE -> LiquibaseMigrations.update(migrations, target, classLoader);
        }
    }

    /**
     * What to do about a migration's wait that {@link LockWatch} ended. Flyway's transactional lock (its default on
     * PostgreSQL) is the usual holder: {@code pg_try_advisory_xact_lock} in a transaction its lock session keeps open
     * while the migrations run on another session, which {@code CREATE INDEX CONCURRENTLY} waits for without end.
     */
    static String lockWaitFix(MigrationsSpec migrations, LockWatch.Intervention ended) {
        LockWait wait = ended.lockWait();
        // Flyway's lock session is idle in a transaction while its other session migrates; both
        // carry Flyway's application name
        boolean flywaysLock =
                migrations.tool() == MigrationTool.FLYWAY
                        && !"false".equals(migrations.config().get(FLYWAY_LOCK_KEY))
                        && wait.holders().stream()
                                .anyMatch(
                                        holder ->
                                                holder.query().contains(FLYWAY_TRANSACTIONAL_LOCK)
                                                        || holder.state()
                                                                        .equals(
                                                                                "idle in transaction")
                                                                && !holder.application().isEmpty()
                                                                && holder.application()
                                                                        .equals(
                                                                                wait.waiting()
                                                                                        .application()));
        if (flywaysLock) {
            return "The session holding it is Flyway's own: its transactional lock (its default on PostgreSQL) keeps a transaction open for "
                    + "as long as the migrations run, and "
                    + (wait.waiting().query().isEmpty()
                            ? "the statement"
                            : "'" + firstWords(wait.waiting().query()) + "'")
                    + " waits for older transactions to end. Turn the lock off as such "
                    + "projects do, in the profile: migrations.config: {"
                    + FLYWAY_LOCK_KEY
                    + ": false} (Flyway's flyway."
                    + FLYWAY_LOCK_KEY
                    + "=false, which Parity also reads from the project's flyway.conf), and run again";
        }
        return "A session holds a lock the migration needs and does not let it go: if it is the migration tool's own, change the tool's "
                + "configuration (database.migrations.config in the profile); if the migration opens it, end its transaction before that "
                + "statement; if the wait is only long, raise "
                + Settings.LOCK_WAIT.name()
                + " (for example -D"
                + Settings.LOCK_WAIT.name()
                + "=5m). Run again";
    }

    private static final String FLYWAY_LOCK_KEY = "postgresql.transactional.lock";
    private static final String FLYWAY_TRANSACTIONAL_LOCK = "pg_try_advisory_xact_lock";

    private static String firstWords(String query) {
        String flat = query.replaceAll("^(\\s*--[^\n]*\n)+", "").strip().replaceAll("\\s+", " ");
        String[] words = flat.split(" ");
        return words.length <= 4
                ? flat
                : String.join(" ", java.util.Arrays.copyOf(words, 4)) + " ...";
    }

    /** Where the migrations run: the new database, as its administrator. */
    record Target(String jdbcUrl, String user, String password, DatabaseSpec spec) {}

    /** The first SQL error in {@code e}'s causes, or null. */
    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
