package dev.parity.engine;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.sql.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** The SQL Parity writes and reads for one engine: quoting, literals, scripts, and where a statement failed. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface SqlDialect {

    /** A statement parameter for a value of {@code type} given as text: PostgreSQL casts it, MariaDB converts it itself. */
    default String parameter(ColumnType type) {
        return "?";
    }

    /** A quoted identifier: any name, any case. */
    String identifier(String name);

    /** {@code schema.table}, both quoted. */
    default String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /** A string literal; {@code null} for SQL NULL. */
    String literal(String value);

    /** The script's statements, split as the engine's command-line client splits them. */
    List<SqlStatement> split(String script);

    /** The server's message for {@code error}, without what the driver adds (connection ids and the like). */
    default String errorMessage(SQLException error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    /**
     * A query giving the operating-system process of the session that runs it, where killing that process
     * restarts the server in place (PostgreSQL's postmaster then ends every session and recovers); empty
     * where it would not.
     */
    default Optional<String> sessionProcessQuery() {
        return Optional.empty();
    }

    /** A query giving one text: the directory the server keeps its data in. */
    String dataDirectoryQuery();

    /** The script line a failed statement's error points at: the server's position if it gives one, else the statement's first line. */
    int errorLine(SqlStatement statement, SQLException error);

    /**
     * A query giving the ordinals of those of {@code rows} (values in the columns' text form, null for NULL) that
     * {@code condition}, a boolean expression over {@code columns} as the engine printed it, is FALSE for: the rows a
     * CHECK with that condition would reject. Its one column is the ordinal.
     *
     * @param types    each column's type as SQL spells it, for the casts the condition may need
     * @param ordinals each row's ordinal, returned for the rows rejected
     */
    String rejectedRows(
            List<String> columns,
            List<String> types,
            List<Long> ordinals,
            List<List<String>> rows,
            String condition);

    /**
     * Whether the server compares text as Java's {@code String.equals} does: true for PostgreSQL's deterministic
     * collations, false where a collation may ignore case or accents (MariaDB's {@code _ci} ones).
     */
    default boolean exactTextEquality() {
        return true;
    }
}
