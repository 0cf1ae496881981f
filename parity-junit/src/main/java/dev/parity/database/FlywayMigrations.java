package dev.parity.database;

import dev.parity.engine.SqlDialect;
import dev.parity.engine.spec.FlywayKeys;
import dev.parity.engine.spec.MigrationsSpec;
import dev.parity.engine.sql.SqlStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Flyway's {@code migrate}, with the user's Flyway configured as the project configures it ({@link MigrationsSpec#config()}),
 * and its failure told as an init script's is.
 */
final class FlywayMigrations {

    private FlywayMigrations() {}

    static void migrate(
            MigrationsSpec migrations, Migrations.Target target, ClassLoader classLoader)
            throws MigrationFailedException {
        // the project's configuration first: where Parity's own (the database, the locations,
        // placeholders, target) follow, they win
        FluentConfiguration configuration =
                Flyway.configure(classLoader).failOnMissingLocations(true);
        try {
            FlywayKeys.apply(configuration, migrations.config());
        } catch (FlywayException e) {
            throw new MigrationFailedException(
                    "Flyway's configuration " + migrations.config(),
                    0,
                    flywayMessage(e),
                    null,
                    false,
                    e);
        }
        configuration
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations(
                        migrations.locations().stream()
                                .map(FlywayMigrations::flywayLocation)
                                .toArray(String[]::new))
                .placeholders(migrations.placeholders());
        if (migrations.target() != null) {
            configuration.target(migrations.target());
        }
        try {
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw failure(e, migrations, target.spec().engine().dialect());
        }
    }

    /** As Flyway reads it: {@code classpath:} spelled out and without a leading slash, which profiles may leave out or write. */
    private static String flywayLocation(String location) {
        return MigrationsSpec.onFileSystem(location)
                ? location
                : "classpath:" + MigrationsSpec.classpathName(location);
    }

    private static MigrationFailedException failure(
            FlywayException e, MigrationsSpec migrations, SqlDialect dialect) {
        String migration = "Flyway migrations in " + String.join(", ", migrations.locations());
        String statement = null;
        int line = 0;
        try {
            FlywaySqlScriptException script = cause(e, FlywaySqlScriptException.class);
            FlywayMigrateException failed = cause(e, FlywayMigrateException.class);
            if (failed != null && failed.getMigration() != null) {
                MigrationInfo info = failed.getMigration();
                String file =
                        script != null && script.getResource() != null
                                ? script.getResource().getAbsolutePath()
                                : info.getScript();
                migration =
                        file
                                + " (Flyway, "
                                + (info.getVersion() != null
                                        ? "version " + info.getVersion()
                                        : "repeatable")
                                + ")";
            }
            if (script != null) {
                statement = script.getStatement();
                line = script.getLineNumber();
            }
        } catch (LinkageError olderFlyway) {
            // Flyway's internal exceptions differ in other versions: its own message still says it
            // all
        }
        SQLException sql = Migrations.sqlCause(e);
        if (sql == null) {
            return new MigrationFailedException(
                    migration, line, flywayMessage(e), statement, false, e);
        }
        if (statement != null && line > 0) {
            line = dialect.errorLine(new SqlStatement(statement, line), sql);
        }
        return new MigrationFailedException(
                migration, line, dialect.errorMessage(sql), statement, true, e);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Flyway's message: its first line, without its banner of dashes or a link to its parser's limitations. */
    private static String flywayMessage(FlywayException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String first =
                message.lines()
                        .filter(l -> !l.isBlank() && !l.matches("-+"))
                        .findFirst()
                        .orElse(message);
        return first.replaceAll("See https?://\\S+ for more information\\.\\s*", "")
                .replaceAll(" {2,}", " ")
                .strip();
    }
}
