package dev.parity.engine.mariadb;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;

/** MariaDB's package-private mappings for tests in other packages: types and CHECKs as {@link MariaDbSchema} builds them. */
public final class MariaDbFixtures {

    private MariaDbFixtures() {}

    /** A column type from information_schema.COLUMNS, see {@link MariaDbTypes#of}. */
    public static ColumnType type(
            String dataType,
            String columnType,
            long maxChars,
            long maxBytes,
            int precision,
            int scale,
            String charset,
            boolean json) {
        return MariaDbTypes.of(
                dataType, columnType, maxChars, maxBytes, precision, scale, charset, json);
    }

    /** A column type that is no text and no decimal. */
    public static ColumnType type(String dataType, String columnType) {
        return type(dataType, columnType, -1, -1, -1, -1, null, false);
    }

    /** A CHECK constraint from information_schema.CHECK_CONSTRAINTS' CHECK_CLAUSE. */
    public static TableInfo.Check check(String name, String clause) {
        return new TableInfo.Check(
                name, "CHECK (" + clause + ")", clause, MariaDbChecks.neutral(clause));
    }
}
