package dev.parity.data;

import dev.parity.engine.Engine;
import dev.parity.engine.Engines;

/** What the dataset suite says differently per engine: its schema script, and the SQL of a few checks. */
enum DataEngine {
    POSTGRES("postgres", "db/datasets.sql", "public", "current_database()") {
        @Override
        String matches(String column, String regex) {
            return column + " ~ '" + regex + "'";
        }

        @Override
        String analyzedRows(String table) {
            return "select reltuples::bigint from pg_class where relname = '" + table + "'";
        }
    },
    MARIADB("mariadb", "db/mariadb/datasets.sql", null, "database()") {
        @Override
        String matches(String column, String regex) {
            // MariaDB's string literals take backslash escapes, and its regular expressions are
            // PCRE
            return column
                    + " rlike '"
                    + regex.replace("\\", "\\\\")
                            .replaceAll("\\\\\\\\u([0-9a-f]{4})", "\\\\\\\\x{$1}")
                    + "'";
        }

        @Override
        String analyzedRows(String table) {
            return "select table_rows from information_schema.tables where table_schema = database() and table_name = '"
                    + table
                    + "'";
        }
    };

    final String id;
    final String schemaScript;

    /** The schema the tables are in, or null: the database itself (MariaDB), whose name changes with each copy. */
    final String schema;

    final String currentDatabase;

    DataEngine(String id, String schemaScript, String schema, String currentDatabase) {
        this.id = id;
        this.schemaScript = schemaScript;
        this.schema = schema;
        this.currentDatabase = currentDatabase;
    }

    Engine engine() {
        return Engines.byId(id).orElseThrow();
    }

    /** A condition: {@code column} matches a regular expression written for PostgreSQL ({@code \s}, {@code \u0590}). */
    abstract String matches(String column, String regex);

    /** The row count the engine's statistics hold for {@code table} after ANALYZE. */
    abstract String analyzedRows(String table);
}
