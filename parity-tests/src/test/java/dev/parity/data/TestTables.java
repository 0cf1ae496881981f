package dev.parity.data;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schemas written in a few lines, for the tests of what the planner does before it reads a row. */
final class TestTables {

    private final String schema;
    private final String name;
    private final List<ColumnInfo> columns = new ArrayList<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final List<List<String>> uniqueKeys = new ArrayList<>();
    private final List<TableInfo.ForeignKey> foreignKeys = new ArrayList<>();

    private TestTables(String schema, String name) {
        this.schema = schema;
        this.name = name;
    }

    /** A table of schema {@code public} with a bigint primary key {@code id}. */
    static TestTables table(String name) {
        return in("public", name).key("id");
    }

    static TestTables in(String schema, String name) {
        return new TestTables(schema, name);
    }

    TestTables key(String... key) {
        for (String column : key) {
            if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                column(column, false);
            }
        }
        primaryKey.addAll(List.of(key));
        return this;
    }

    TestTables unique(String... key) {
        uniqueKeys.add(List.of(key));
        return this;
    }

    TestTables column(String column, boolean nullable) {
        columns.add(
                new ColumnInfo(
                        column,
                        ColumnType.integer("bigint", Long.MIN_VALUE, Long.MAX_VALUE),
                        nullable,
                        null,
                        false,
                        false));
        return this;
    }

    /** A foreign key {@code column} → {@code parent.id}, adding the column if it is not there yet. */
    TestTables references(String column, String parent, boolean nullable) {
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
            column(column, nullable);
        }
        foreignKeys.add(
                new TableInfo.ForeignKey(
                        name + "_" + column + "_fkey", List.of(column), parent, List.of("id")));
        return this;
    }

    TableInfo build() {
        return new TableInfo(
                schema,
                name,
                "\"" + schema + "\".\"" + name + "\"",
                columns,
                primaryKey,
                uniqueKeys,
                foreignKeys,
                List.of());
    }

    /** The tables keyed as the schema reader keys them: bare names in {@code public}, "schema.table" elsewhere. */
    static Map<String, TableInfo> schema(TestTables... tables) {
        Map<String, TableInfo> schema = new LinkedHashMap<>();
        for (TestTables table : tables) {
            TableInfo info = table.build();
            schema.put(
                    info.schema().equals("public")
                            ? info.name()
                            : info.schema() + "." + info.name(),
                    info);
        }
        return schema;
    }
}
