package dev.parity.database;

/** A migration the database rejected, or that its tool refused to run: which one, where, and what was said. */
final class MigrationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String migration;
    private final int line;
    private final String reason;
    private final String statement;
    private final boolean rejectedByDatabase;

    /**
     * @param migration which migration, e.g. {@code db/migration/V2__orders.sql (Flyway, version 2)}
     * @param line      the 1-based line in its file; 0 if unknown
     * @param reason    the database's message (its first line), or the tool's
     * @param statement the statement that failed; {@code null} if none
     * @param rejectedByDatabase the database said no; otherwise the tool refused (a missing placeholder, a bad checksum)
     */
    MigrationFailedException(
            String migration,
            int line,
            String reason,
            String statement,
            boolean rejectedByDatabase,
            Throwable cause) {
        super(migration + ": " + reason, cause);
        this.migration = migration;
        this.line = line;
        this.reason = reason;
        this.statement = statement;
        this.rejectedByDatabase = rejectedByDatabase;
    }

    /** What to fix: the migration the database rejected, or the migrations or their settings in the profile. */
    String fix() {
        return rejectedByDatabase
                ? "Fix the migration"
                : "Fix the migrations or the profile's database.migrations";
    }

    /** "db/migration/V2__orders.sql (Flyway, version 2), line 3" */
    String where() {
        return migration + (line > 0 ? ", line " + line : "");
    }

    /** "db/migration/V2__orders.sql (Flyway, version 2), line 3: ERROR: ...\n    in statement: insert into ..." */
    String describe() {
        String where = where();
        String first = reason.strip().lines().findFirst().orElse(reason);
        if (statement == null || statement.isBlank()) {
            return where + ": " + first;
        }
        String firstLine = statement.strip().lines().findFirst().orElse("");
        return where
                + ": "
                + first
                + "\n    in statement: "
                + firstLine
                + (statement.strip().contains("\n") ? " ..." : "");
    }
}
