package dev.parity.engine.schema;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A column as the engine describes it.
 *
 * @param name          its name, as the database spells it
 * @param type          its type, mapped onto Parity's kinds
 * @param nullable      whether NULL is allowed
 * @param defaultValue  the column default as SQL, or null; for a generated column, the expression that computes it
 * @param generated     computed by the database (a generated column): never written
 * @param autoIncrement filled by a sequence, identity or auto-increment counter, which must be moved past loaded rows
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ColumnInfo(
        String name,
        ColumnType type,
        boolean nullable,
        String defaultValue,
        boolean generated,
        boolean autoIncrement) {

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
