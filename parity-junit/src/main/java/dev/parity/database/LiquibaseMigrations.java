package dev.parity.database;

import dev.parity.engine.SqlDialect;
import dev.parity.engine.spec.LiquibaseKeys;
import dev.parity.engine.spec.MigrationsSpec;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase's {@code update} (or {@code update-to-tag}), with the user's Liquibase configured as the project configures it
 * ({@link MigrationsSpec#config()}), quietly (its output
 * goes to its log, its analytics stay off), and its failure told as an init script's is.
 */
final class LiquibaseMigrations {

    /** Liquibase's scopes and caches are shared state: environments starting side by side update one at a time. */
    private static final Object ONE_AT_A_TIME = new Object();

    private static final Pattern FAILED_SQL =
            Pattern.compile("(?s)\\[Failed SQL: \\(-?\\d+\\) (.*)]\\s*$");

    private LiquibaseMigrations() {}

    static void update(MigrationsSpec migrations, Migrations.Target target, ClassLoader classLoader)
            throws MigrationFailedException {
        synchronized (ONE_AT_A_TIME) {
            updateAlone(migrations, target, classLoader);
        }
    }

    private static void updateAlone(
            MigrationsSpec migrations, Migrations.Target target, ClassLoader classLoader)
            throws MigrationFailedException {
        String location = migrations.locations().get(0);
        FailedChangeSet failed = new FailedChangeSet();
        try (Connection connection =
                DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            Database database =
                    DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Configured configured = Configured.of(migrations.config(), database);
            ChangeLogParameters parameters = new ChangeLogParameters(database);
            migrations.placeholders().forEach(parameters::set);
            Changelog changelog = Changelog.of(location, classLoader);
            Map<String, Object> scope = new HashMap<>(Map.of("liquibase.analytics.enabled", false));
            scope.putAll(configured.settings());
            scope.put(Scope.Attr.resourceAccessor.name(), changelog.accessor());
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(
                    scope,
                    () -> {
                        CommandScope update =
                                new CommandScope(
                                                migrations.target() == null
                                                        ? UpdateCommandStep.COMMAND_NAME
                                                        : UpdateToTagCommandStep.COMMAND_NAME)
                                        .addArgumentValue(
                                                DbUrlConnectionArgumentsCommandStep.DATABASE_ARG,
                                                database)
                                        .addArgumentValue(
                                                DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG,
                                                changelog.file())
                                        .addArgumentValue(
                                                DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS,
                                                parameters)
                                        .addArgumentValue(
                                                ChangeExecListenerCommandStep
                                                        .CHANGE_EXEC_LISTENER_ARG,
                                                failed);
                        if (migrations.target() != null) {
                            update.addArgumentValue(
                                    UpdateToTagCommandStep.TAG_ARG, migrations.target());
                        }
                        configured.arguments().forEach(update::addArgumentValue);
                        update.setOutput(OutputStream.nullOutputStream()).execute();
                    });
        } catch (Exception e) {
            throw failure(e, location, failed, target.spec().engine().dialect());
        }
    }

    private static MigrationFailedException failure(
            Exception e, String location, FailedChangeSet failed, SqlDialect dialect) {
        String migration =
                failed.changeSet == null
                        ? "Liquibase changelog " + location
                        : failed.changeSet.getFilePath()
                                + " (Liquibase, changeset "
                                + failed.changeSet.getId()
                                + " by "
                                + failed.changeSet.getAuthor()
                                + ")";
        SQLException sql = Migrations.sqlCause(e);
        if (sql == null) {
            return new MigrationFailedException(migration, 0, liquibaseMessage(e), null, false, e);
        }
        return new MigrationFailedException(
                migration, 0, dialect.errorMessage(sql), failedSql(e), true, e);
    }

    /** Liquibase ends its message with "[Failed SQL: (0) insert ...]". */
    private static String failedSql(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : FAILED_SQL.matcher(t.getMessage());
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The deepest message, which is Liquibase's own reason rather than its wrappers' "Exception running command". */
    private static String liquibaseMessage(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
        return message.strip().replaceFirst("^[\\w.]+Exception: ", "");
    }

    /** The changelog as Liquibase finds it: on the classpath, or a file in its directory. */
    private record Changelog(String file, ResourceAccessor accessor) {

        static Changelog of(String location, ClassLoader classLoader) throws Exception {
            if (MigrationsSpec.onFileSystem(location)) {
                Path file = Path.of(MigrationsSpec.path(location)).toAbsolutePath();
                return new Changelog(
                        file.getFileName().toString(),
                        new DirectoryResourceAccessor(file.getParent()));
            }
            return new Changelog(
                    MigrationsSpec.classpathName(location),
                    new ClassLoaderResourceAccessor(classLoader));
        }
    }

    /**
     * The project's configuration as Liquibase takes it: its update command's arguments, and its settings, which go
     * into the update's scope ({@code liquibase.<key>}), where Liquibase looks first. The default schema and catalog are
     * the database's own, since Parity gives the command a connected database rather than a URL.
     */
    private record Configured(Map<String, String> arguments, Map<String, Object> settings) {

        static Configured of(Map<String, String> config, Database database)
                throws liquibase.exception.DatabaseException {
            Map<String, String> arguments = new LinkedHashMap<>();
            Map<String, Object> settings = new HashMap<>();
            for (Map.Entry<String, String> entry : config.entrySet()) {
                Optional<String> argument = LiquibaseKeys.argument(entry.getKey());
                if (argument.isEmpty()) {
                    settings.put(
                            LiquibaseKeys.setting(entry.getKey())
                                    .orElse(LiquibaseKeys.PREFIX + entry.getKey()),
                            entry.getValue());
                } else if (argument.get().equals("defaultSchemaName")) {
                    database.setDefaultSchemaName(entry.getValue());
                } else if (argument.get().equals("defaultCatalogName")) {
                    database.setDefaultCatalogName(entry.getValue());
                } else {
                    arguments.put(argument.get(), entry.getValue());
                }
            }
            return new Configured(arguments, settings);
        }
    }

    /** Remembers which change set failed; Liquibase's exception only names it in its text. */
    private static final class FailedChangeSet extends AbstractChangeExecListener {

        private ChangeSet changeSet;

        @Override
        public void runFailed(
                ChangeSet failedChangeSet,
                DatabaseChangeLog changeLog,
                Database database,
                Exception exception) {
            this.changeSet = failedChangeSet;
        }
    }
}
