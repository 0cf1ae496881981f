package dev.parity.engine.postgres;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.util.List;

/** PostgreSQL's package-private mappings for tests in other packages: types and CHECKs as {@link PostgresSchema} builds them. */
public final class PostgresFixtures {

    private PostgresFixtures() {}

    /** A column type from the catalogs' values, as {@link PostgresTypeCatalog} resolves enums, arrays and base types. */
    public static ColumnType type(
            String typname, int typmod, String elementType, String sqlType, List<String> labels) {
        if (elementType != null) {
            return ColumnType.array(
                    sqlType, type(elementType, typmod, null, sqlType.replace("[]", ""), labels));
        }
        return labels.isEmpty()
                ? PostgresTypes.of(typname, typmod, sqlType)
                : ColumnType.labelled(ColumnType.Kind.ENUM, sqlType, labels);
    }

    public static ColumnType type(String typname, String sqlType) {
        return type(typname, -1, null, sqlType, List.of());
    }

    /** A CHECK constraint from what {@code pg_get_constraintdef} prints. */
    public static TableInfo.Check check(String name, String definition) {
        return new TableInfo.Check(
                name,
                definition,
                PostgresChecks.condition(definition),
                PostgresChecks.neutral(definition));
    }
}
