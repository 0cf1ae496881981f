package dev.parity.engine.postgres;

import dev.parity.engine.SqlDialect;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.sql.ScriptSplitter;
import dev.parity.engine.sql.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL's quoting, {@code $$} bodies, and the error position the server reports. */
final class PostgresDialect implements SqlDialect {

    @Override
    public Optional<String> sessionProcessQuery() {
        return Optional.of("select pg_backend_pid()");
    }

    @Override
    public String dataDirectoryQuery() {
        return "show data_directory"; // the test user is the image's superuser, who may read it
    }

    private static final ScriptSplitter SPLITTER =
            new ScriptSplitter(ScriptSplitter.Syntax.POSTGRES);

    @Override
    public String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String literal(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }

    @Override
    public List<SqlStatement> split(String script) {
        return SPLITTER.split(script);
    }

    @Override
    public int errorLine(SqlStatement statement, SQLException error) {
        if (error instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getPosition() > 0) {
                return statement.lineOf(server.getPosition());
            }
        }
        return statement.line();
    }

    @Override
    public String rejectedRows(
            List<String> columns,
            List<String> types,
            List<Long> ordinals,
            List<List<String>> rows,
            String condition) {
        StringBuilder values = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            values.append(r == 0 ? "(" : ", (").append(ordinals.get(r));
            for (int i = 0; i < row.size(); i++) {
                values.append(", ").append(literal(row.get(i))).append("::").append(types.get(i));
            }
            values.append(')');
        }
        return "select t.parity_ordinal_ from (values "
                + values
                + ") as t(parity_ordinal_, "
                + columns.stream().map(this::identifier).collect(Collectors.joining(", "))
                + ") where not ("
                + condition
                + ")";
    }

    @Override
    public String parameter(ColumnType type) {
        return "CAST(? AS " + type.sqlType() + ")";
    }
}
