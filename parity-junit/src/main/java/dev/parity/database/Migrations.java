package dev.parity.database;

import dev.parity.engine.DatabaseSpec;
import dev.parity.engine.MigrationsSpec;
import java.sql.SQLException;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * Runs a database's migrations with the tool the profile names, as the administrator (as init scripts
 * run), once, before the init scripts. The tool's classes are touched only here and only when a profile
 * has migrations: Flyway and Liquibase are the user's optional dependencies, checked before anything starts.
 */
final class Migrations {

    private Migrations() {
    }

    static void run(DatabaseSpec spec, JdbcDatabaseContainer<?> container, ClassLoader classLoader) throws MigrationFailedException {
        MigrationsSpec migrations = spec.migrations();
        Target target = new Target(container.getJdbcUrl(), spec.engine().adminUser(spec), spec.password(), spec);
        switch (migrations.tool()) {
            case FLYWAY -> FlywayMigrations.migrate(migrations, target, classLoader);
            case LIQUIBASE -> LiquibaseMigrations.update(migrations, target, classLoader);
        }
    }

    /** Where the migrations run: the new database, as its administrator. */
    record Target(String jdbcUrl, String user, String password, DatabaseSpec spec) {
    }

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
