package dev.parity.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** The database engines a profile can name under {@code database.engine}. */
@API(status = API.Status.INTERNAL)
public enum DatabaseEngine {

    POSTGRES("postgres", "postgres:15");

    private final String id;
    private final String defaultImage;

    DatabaseEngine(String id, String defaultImage) {
        this.id = id;
        this.defaultImage = defaultImage;
    }

    /** The name used in YAML. */
    public String id() {
        return id;
    }

    /** The image used when a profile names none. */
    public String defaultImage() {
        return defaultImage;
    }

    static Optional<DatabaseEngine> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(DatabaseEngine::id).toList();
    }
}
