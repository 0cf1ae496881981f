package dev.parity.data;

import dev.parity.engine.Engine;
import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What planning a load asks of the database before a row is written: its schema, whether a table has rows, the
 * keys of rows already there, the largest number in a column. A database over JDBC, or (for tests of planning and
 * generation without a server) a schema whose tables are empty.
 */
interface DatabaseState {

    Map<String, TableInfo> schema() throws SQLException;

    boolean hasRows(TableInfo table) throws SQLException;

    /** The distinct values of {@code columns} in rows already in {@code table}, where none of them is NULL; at most {@code limit}. */
    List<String[]> keys(TableInfo table, List<String> columns, int limit) throws SQLException;

    /** The largest number in {@code column} of rows already in {@code table}, 0 when there are none. */
    long largest(TableInfo table, String column) throws SQLException;

    /** The database behind {@code connection}, asked in the engine's SQL. */
    static DatabaseState of(Connection connection, Engine engine) {
        return new DatabaseState() {
            @Override
            public Map<String, TableInfo> schema() throws SQLException {
                return engine.schema().read(connection);
            }

            @Override
            public boolean hasRows(TableInfo table) throws SQLException {
                try (Statement statement = connection.createStatement();
                        ResultSet row =
                                statement.executeQuery(
                                        "select 1 from " + table.qualifiedName() + " limit 1")) {
                    return row.next();
                }
            }

            @Override
            public List<String[]> keys(TableInfo table, List<String> columns, int limit)
                    throws SQLException {
                String select =
                        columns.stream()
                                .map(c -> engine.dialect().identifier(c))
                                .collect(Collectors.joining(", "));
                String notNull =
                        columns.stream()
                                .map(c -> engine.dialect().identifier(c) + " is not null")
                                .collect(Collectors.joining(" and "));
                List<String[]> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result =
                                statement.executeQuery(
                                        "select distinct "
                                                + select
                                                + " from "
                                                + table.qualifiedName()
                                                + " where "
                                                + notNull
                                                + " limit "
                                                + limit)) {
                    while (result.next()) {
                        String[] row = new String[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = result.getString(i + 1);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }

            @Override
            public long largest(TableInfo table, String column) throws SQLException {
                try (Statement statement = connection.createStatement();
                        ResultSet max =
                                statement.executeQuery(
                                        "select coalesce(max("
                                                + engine.dialect().identifier(column)
                                                + "), 0) from "
                                                + table.qualifiedName())) {
                    max.next();
                    return Math.max(0, max.getBigDecimal(1).longValue());
                }
            }
        };
    }

    /** {@code schema}'s tables, all empty. */
    static DatabaseState empty(Map<String, TableInfo> schema) {
        return new DatabaseState() {
            @Override
            public Map<String, TableInfo> schema() {
                return schema;
            }

            @Override
            public boolean hasRows(TableInfo table) {
                return false;
            }

            @Override
            public List<String[]> keys(TableInfo table, List<String> columns, int limit) {
                return List.of();
            }

            @Override
            public long largest(TableInfo table, String column) {
                return 0;
            }
        };
    }
}
