package dev.parity.engine.spec;

import dev.parity.engine.JavaArtifact;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** The migration tools {@code database.migrations} runs; the user brings the library, Parity calls it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum MigrationTool {

    /** Flyway: versioned {@code V1__name.sql} files in one or more locations; a module per database beside flyway-core. */
    FLYWAY("Flyway", new JavaArtifact("org.flywaydb", "flyway-core", "org.flywaydb.core.Flyway")),

    /** Liquibase: one changelog (XML, YAML, JSON or formatted SQL) that may include others. */
    LIQUIBASE(
            "Liquibase",
            new JavaArtifact("org.liquibase", "liquibase-core", "liquibase.command.CommandScope"));

    private final String displayName;
    private final JavaArtifact library;

    MigrationTool(String displayName, JavaArtifact library) {
        this.displayName = displayName;
        this.library = library;
    }

    /** The name profiles use under {@code migrations.tool}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** The library that has to be on the test classpath. */
    public JavaArtifact library() {
        return library;
    }

    /**
     * What the tool (its library on {@code classLoader}, which must be there) says of its own configuration key
     * {@code key} (without its prefix) set to {@code value}; empty if it takes it. Touches the tool's classes only here.
     */
    public Optional<String> keyProblem(ClassLoader classLoader, String key, String value) {
        return this == FLYWAY
                ? FlywayKeys.problem(classLoader, key, value)
                : LiquibaseKeys.problem(key);
    }

    public static Optional<MigrationTool> byId(String id) {
        return Arrays.stream(values()).filter(tool -> tool.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(MigrationTool::id).toList();
    }
}
