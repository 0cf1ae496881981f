package dev.parity.data;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random schemas of the shapes production has, from a seed: tables in several schemas (PostgreSQL), composite keys
 * of foreign keys, enums, booleans and small ranges, foreign-key cycles nullable and not, self references, CHECKs on
 * one column and across columns with AND, OR, NOT, NULL tests, lists, patterns, lengths, NULL counts and a function
 * of the schema's own (PostgreSQL), enums, domains and range partitions (PostgreSQL), generated columns, unique
 * expression indexes, odd types. Each schema is DDL for its engine, and the same tables as Parity's model
 * ({@link TableInfo}), for planning without a server.
 */
final class SchemaFuzzer {

    /** A schema: the script that creates it, the model of its tables (by the name datasets use), and a dataset per table. */
    record Fuzzed(
            long seed,
            String engine,
            String ddl,
            Map<String, TableInfo> tables,
            List<DatasetSpec> datasets) {

        @Override
        public String toString() {
            return "schema of seed " + seed + " (" + engine + "):\n" + ddl;
        }
    }

    private record Column(
            String name,
            String ddlType,
            ColumnType type,
            boolean nullable,
            String extra,
            boolean generated) {}

    private record Fk(
            String name,
            List<String> columns,
            String table,
            List<String> refColumns,
            boolean deferrable) {}

    private static final class Table {
        final String schema;
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<String> key = new ArrayList<>();
        final List<List<String>> uniques = new ArrayList<>();
        final List<Fk> fks = new ArrayList<>();
        final List<Fk> later = new ArrayList<>();
        final List<String[]> checks = new ArrayList<>(); // {name, ddl condition, neutral condition}
        final List<String> extraDdl = new ArrayList<>();
        boolean partitioned;

        Table(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }

        Column column(String name) {
            return columns.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
        }

        String key() {
            return schema == null ? name : schema + "." + name;
        }
    }

    private final Random random;
    private final long seed;
    private final boolean postgres;
    private final List<Table> tables = new ArrayList<>();
    private final StringBuilder prelude = new StringBuilder();
    private int enums;

    private SchemaFuzzer(long seed, String engine) {
        this.seed = seed;
        this.random = new Random(seed);
        this.postgres = engine.equals("postgres");
    }

    static Fuzzed of(long seed, String engine) {
        return new SchemaFuzzer(seed, engine).build();
    }

    private String q(String identifier) {
        return postgres ? "\"" + identifier + "\"" : "`" + identifier + "`";
    }

    private String qualified(Table t) {
        return t.schema == null ? q(t.name) : q(t.schema) + "." + q(t.name);
    }

    private Fuzzed build() {
        if (postgres) {
            prelude.append("create schema s2;\n");
            prelude.append(
                    "create function tidy(text) returns boolean language sql immutable strict as $$ select $1 !~ '(^\\s|\\s$)' $$;\n");
            prelude.append("create domain positive_int as integer check (value > 0);\n");
        }
        int count = 2 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            tables.add(table(i));
        }
        cycle();
        return render();
    }

    private Table table(int index) {
        Table t = new Table(postgres && random.nextInt(4) == 0 ? "s2" : null, "t" + index);
        // the key: a number, a uuid (PostgreSQL), or later a composite of a reference and a few
        // values
        boolean composite = index > 0 && random.nextInt(4) == 0;
        if (!composite) {
            boolean uuid = postgres && random.nextInt(5) == 0;
            t.columns.add(
                    new Column(
                            "id",
                            uuid ? "uuid" : random.nextBoolean() ? "bigint" : "integer",
                            uuid
                                    ? ColumnType.of(ColumnType.Kind.UUID, "uuid")
                                    : ColumnType.integer(
                                            "integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                            false,
                            "",
                            false));
            t.key.add("id");
            t.partitioned = postgres && !uuid && random.nextInt(6) == 0;
        }
        int data = 2 + random.nextInt(5);
        for (int c = 0; c < data; c++) {
            t.columns.add(dataColumn(t, "c" + c));
        }
        // references to earlier tables
        for (int r = 0; r < 1 + random.nextInt(2) && index > 0; r++) {
            Table parent = tables.get(random.nextInt(index));
            if (parent.key.size() != 1) {
                continue;
            }
            Column parentKey = parent.column(parent.key.get(0));
            String name = "ref" + r;
            boolean nullable = random.nextInt(3) == 0;
            t.columns.add(new Column(name, parentKey.ddlType, parentKey.type, nullable, "", false));
            t.fks.add(
                    new Fk(
                            t.name + "_" + name + "_fk",
                            List.of(name),
                            parent.key(),
                            List.of(parent.key.get(0)),
                            false));
        }
        if (composite) {
            compositeKey(t);
        }
        if (random.nextInt(4) == 0 && t.key.equals(List.of("id")) && !t.partitioned) {
            Column id = t.column("id");
            t.columns.add(new Column("parent", id.ddlType, id.type, true, "", false));
            t.fks.add(
                    new Fk(
                            t.name + "_parent_fk",
                            List.of("parent"),
                            t.key(),
                            List.of("id"),
                            false));
        }
        int checks = random.nextInt(4);
        for (int k = 0; k < checks; k++) {
            check(t, k);
        }
        if (random.nextInt(4) == 0 && !t.partitioned) {
            uniqueKey(t);
        }
        if (random.nextInt(5) == 0) {
            generated(t);
        }
        return t;
    }

    private Column dataColumn(Table t, String name) {
        boolean nullable = random.nextInt(3) > 0;
        switch (random.nextInt(postgres ? 12 : 10)) {
            case 0:
                return new Column(
                        name,
                        "integer",
                        ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        nullable,
                        "",
                        false);
            case 1:
                return new Column(
                        name,
                        "smallint",
                        ColumnType.integer("smallint", Short.MIN_VALUE, Short.MAX_VALUE),
                        nullable,
                        "",
                        false);
            case 2:
                return new Column(
                        name,
                        "numeric(10,2)",
                        ColumnType.decimal("numeric(10,2)", 10, 2),
                        nullable,
                        "",
                        false);
            case 3:
                {
                    int length = List.of(5, 20, 100).get(random.nextInt(3));
                    return new Column(
                            name,
                            "varchar(" + length + ")",
                            ColumnType.text("varchar(" + length + ")", length),
                            nullable,
                            "",
                            false);
                }
            case 4:
                return new Column(
                        name,
                        "text",
                        ColumnType.text("text", postgres ? -1 : 65_535),
                        nullable,
                        "",
                        false);
            case 5:
                return new Column(
                        name,
                        "boolean",
                        ColumnType.of(ColumnType.Kind.BOOLEAN, postgres ? "boolean" : "tinyint(1)"),
                        nullable,
                        "",
                        false);
            case 6:
                return new Column(
                        name,
                        "date",
                        ColumnType.of(ColumnType.Kind.DATE, "date"),
                        nullable,
                        "",
                        false);
            case 7:
                return new Column(
                        name,
                        postgres ? "timestamp" : "datetime",
                        ColumnType.of(
                                ColumnType.Kind.TIMESTAMP, postgres ? "timestamp" : "datetime"),
                        nullable,
                        "",
                        false);
            case 8:
            case 9:
                {
                    List<String> labels =
                            List.of("new", "open", "done", "void", "held")
                                    .subList(0, 2 + random.nextInt(4));
                    String type;
                    if (postgres) {
                        type = "e" + enums++;
                        prelude.append("create type ")
                                .append(type)
                                .append(" as enum (")
                                .append(
                                        String.join(
                                                ", ",
                                                labels.stream().map(l -> "'" + l + "'").toList()))
                                .append(");\n");
                    } else {
                        type =
                                "enum("
                                        + String.join(
                                                ", ",
                                                labels.stream().map(l -> "'" + l + "'").toList())
                                        + ")";
                    }
                    return new Column(
                            name,
                            type,
                            ColumnType.labelled(ColumnType.Kind.ENUM, type, labels),
                            nullable,
                            "",
                            false);
                }
            case 10:
                return new Column(
                        name,
                        "positive_int",
                        ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        nullable,
                        "",
                        false);
            default:
                return new Column(
                        name,
                        "jsonb",
                        ColumnType.of(ColumnType.Kind.JSON, "jsonb"),
                        nullable,
                        "",
                        false);
        }
    }

    /** A composite key: a reference beside an enum, a boolean or a small range. */
    private void compositeKey(Table t) {
        String reference = t.fks.isEmpty() ? null : t.fks.get(0).columns().get(0);
        if (reference == null) {
            t.columns.add(
                    0,
                    new Column(
                            "id",
                            "integer",
                            ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                            false,
                            "",
                            false));
            t.key.add("id");
            return;
        }
        int i = t.columns.indexOf(t.column(reference));
        Column ref = t.column(reference);
        t.columns.set(i, new Column(ref.name, ref.ddlType, ref.type, false, "", false));
        switch (random.nextInt(3)) {
            case 0 -> {
                List<String> labels = List.of("read", "write", "share", "own");
                String type = postgres ? "e" + enums++ : "enum('read', 'write', 'share', 'own')";
                if (postgres) {
                    prelude.append("create type ")
                            .append(type)
                            .append(" as enum ('read', 'write', 'share', 'own');\n");
                }
                t.columns.add(
                        new Column(
                                "part",
                                type,
                                ColumnType.labelled(ColumnType.Kind.ENUM, type, labels),
                                false,
                                "",
                                false));
            }
            case 1 ->
                    t.columns.add(
                            new Column(
                                    "part",
                                    "boolean",
                                    ColumnType.of(
                                            ColumnType.Kind.BOOLEAN,
                                            postgres ? "boolean" : "tinyint(1)"),
                                    false,
                                    "",
                                    false));
            default -> {
                t.columns.add(
                        new Column(
                                "part",
                                "smallint",
                                ColumnType.integer("smallint", Short.MIN_VALUE, Short.MAX_VALUE),
                                false,
                                "",
                                false));
                t.checks.add(
                        new String[] {
                            t.name + "_part_range",
                            q("part") + " between 1 and 20",
                            "\"part\" BETWEEN 1 AND 20"
                        });
            }
        }
        t.key.add(reference);
        t.key.add("part");
    }

    private void uniqueKey(Table t) {
        List<Column> texts =
                t.columns.stream().filter(c -> c.type.isText() && !c.generated).toList();
        if (texts.isEmpty()) {
            return;
        }
        Column column = texts.get(random.nextInt(texts.size()));
        if (postgres && random.nextBoolean()) {
            // a unique expression index: a key of the columns it mentions
            t.extraDdl.add(
                    "create unique index "
                            + t.name
                            + "_lower_"
                            + column.name
                            + " on "
                            + qualified(t)
                            + " (lower("
                            + q(column.name)
                            + "))");
        } else {
            t.extraDdl.add(
                    (postgres ? "create unique index " : "create unique index ")
                            + t.name
                            + "_u_"
                            + column.name
                            + " on "
                            + qualified(t)
                            + " ("
                            + q(column.name)
                            + (postgres || column.type.length() > 0 && column.type.length() <= 255
                                    ? ""
                                    : "(100)")
                            + ")");
            if (!postgres && (column.type.length() < 0 || column.type.length() > 255)) {
                return; // a prefix index is no key for Parity
            }
        }
        t.uniques.add(List.of(column.name));
    }

    private void generated(Table t) {
        List<Column> numbers =
                t.columns.stream()
                        .filter(
                                c ->
                                        c.type.kind() == ColumnType.Kind.INTEGER
                                                && !c.name.equals("id")
                                                && !c.name.startsWith("ref")
                                                && !c.name.equals("parent")
                                                && !c.name.equals("part")
                                                && !c.ddlType.equals("positive_int"))
                        .toList();
        if (numbers.isEmpty()) {
            return;
        }
        Column base = numbers.get(random.nextInt(numbers.size()));
        String expression = "(" + q(base.name) + " * 2)";
        t.columns.add(
                new Column(
                        "twice",
                        "bigint",
                        ColumnType.integer("bigint", Long.MIN_VALUE, Long.MAX_VALUE),
                        true,
                        (postgres ? " generated always as " : " as ") + expression + " stored",
                        true));
    }

    /** One CHECK, of a kind picked at random among those real schemas have. */
    private void check(Table t, int k) {
        List<Column> columns =
                t.columns.stream()
                        .filter(
                                c ->
                                        !c.generated
                                                && !t.key.contains(c.name)
                                                && !c.name.startsWith("ref")
                                                && !c.name.equals("parent"))
                        .toList();
        if (columns.isEmpty()) {
            return;
        }
        Column a = columns.get(random.nextInt(columns.size()));
        Column b = columns.get(random.nextInt(columns.size()));
        List<Column> nullables =
                t.columns.stream().filter(c -> c.nullable && !c.generated).toList();
        String name = t.name + "_ck" + k;
        Function<String, String> x = n -> "{" + n + "}";
        String condition =
                switch (random.nextInt(12)) {
                    case 0 -> number(a) ? x.apply(a.name) + " >= " + random.nextInt(50) : null;
                    case 1 ->
                            number(a)
                                    ? x.apply(a.name)
                                            + " between "
                                            + random.nextInt(10)
                                            + " and "
                                            + (100 + random.nextInt(100))
                                    : null;
                    case 2 ->
                            a.type.isText()
                                    ? "char_length("
                                            + x.apply(a.name)
                                            + ") between 2 and "
                                            + Math.max(2, Math.min(8, len(a)))
                                    : null;
                    case 3 ->
                            a.type.isText() && len(a) >= 5
                                    ? x.apply(a.name) + " in ('alpha', 'beta', 'gamma')"
                                    : null;
                    case 4 ->
                            comparable(a, b) && a != b
                                    ? x.apply(a.name)
                                            + " >= "
                                            + x.apply(b.name)
                                            + " or "
                                            + x.apply(a.name)
                                            + " is null"
                                    : null;
                    case 5 ->
                            a.nullable && b.nullable && a != b
                                    ? "("
                                            + x.apply(a.name)
                                            + " is null) = ("
                                            + x.apply(b.name)
                                            + " is null)"
                                    : null;
                    case 6 ->
                            a.nullable && b.nullable && a != b
                                    ? "not ("
                                            + x.apply(a.name)
                                            + " is null and "
                                            + x.apply(b.name)
                                            + " is not null)"
                                    : null;
                    case 7 ->
                            a.type.kind() == ColumnType.Kind.BOOLEAN && b.nullable && a != b
                                    ? "("
                                            + x.apply(a.name)
                                            + (postgres ? "" : " <> 0")
                                            + ") or ("
                                            + x.apply(b.name)
                                            + " is null)"
                                    : null;
                    case 8 ->
                            a.type.kind() == ColumnType.Kind.ENUM && b.nullable && a != b
                                    ? "("
                                            + x.apply(a.name)
                                            + " = '"
                                            + a.type.labels().get(0)
                                            + "' and "
                                            + x.apply(b.name)
                                            + " is not null) or ("
                                            + x.apply(a.name)
                                            + " <> '"
                                            + a.type.labels().get(0)
                                            + "' and "
                                            + x.apply(b.name)
                                            + " is null)"
                                    : null;
                    case 9 ->
                            a.type.isText() && len(a) >= 4
                                    ? "upper("
                                            + x.apply(a.name)
                                            + ") in ('AB', 'CD')"
                                            + (a.nullable
                                                    ? " or " + x.apply(a.name) + " is null"
                                                    : "")
                                    : null;
                    case 10 ->
                            a.type.isText() && len(a) >= 12
                                    ? x.apply(a.name) + " like 'ab%'"
                                    : null;
                    default ->
                            nullables.size() >= 2
                                    ? nullCount(nullables, x)
                                    : postgres && a.type.isText()
                                            ? "tidy(" + x.apply(a.name) + ")"
                                            : null;
                };
        if (condition == null) {
            return;
        }
        t.checks.add(
                new String[] {
                    name,
                    condition.replaceAll("\\{([^}]+)}", postgres ? "\"$1\"" : "`$1`"),
                    condition.replaceAll("\\{([^}]+)}", "\"$1\"")
                });
    }

    private String nullCount(List<Column> nullables, Function<String, String> x) {
        List<Column> counted = nullables.subList(0, Math.min(3, nullables.size()));
        if (postgres) {
            return "num_nonnulls("
                    + String.join(", ", counted.stream().map(c -> x.apply(c.name)).toList())
                    + ") >= 1";
        }
        return String.join(
                        " + ",
                        counted.stream().map(c -> "(" + x.apply(c.name) + " is not null)").toList())
                + " >= 1";
    }

    private static boolean number(Column c) {
        return c.type.kind() == ColumnType.Kind.INTEGER || c.type.kind() == ColumnType.Kind.DECIMAL;
    }

    private static int len(Column c) {
        return c.type.length() < 0 ? 1000 : c.type.length();
    }

    private static boolean comparable(Column a, Column b) {
        return number(a) && number(b)
                || a.type.kind() == b.type.kind()
                        && (a.type.kind() == ColumnType.Kind.DATE
                                || a.type.kind() == ColumnType.Kind.TIMESTAMP);
    }

    /** Sometimes an earlier table references a later one: a cycle, through a nullable column, a NOT NULL one, or a deferrable one. */
    private void cycle() {
        if (tables.size() < 2 || random.nextInt(3) == 0) {
            return;
        }
        Table later = tables.get(tables.size() - 1);
        Table earlier = tables.get(random.nextInt(tables.size() - 1));
        if (later.key.size() != 1
                || !later.fks.stream().anyMatch(f -> f.table().equals(earlier.key()))) {
            return;
        }
        Column key = later.column(later.key.get(0));
        boolean nullable = random.nextBoolean();
        earlier.columns.add(new Column("back", key.ddlType, key.type, nullable, "", false));
        earlier.later.add(
                new Fk(
                        earlier.name + "_back_fk",
                        List.of("back"),
                        later.key(),
                        List.of(later.key.get(0)),
                        postgres && random.nextBoolean()));
    }

    /**
     * Rows per table: a table others reference gets some (an empty one is a documented error, tried now and then), a
     * composite key's table no more than its combinations.
     */
    private Map<Table, Long> rows() {
        Map<Table, Long> rows = new LinkedHashMap<>();
        for (Table t : tables) {
            boolean referenced =
                    tables.stream()
                            .anyMatch(
                                    o ->
                                            o != t
                                                    && (o.fks.stream()
                                                                    .anyMatch(
                                                                            f ->
                                                                                    f.table()
                                                                                            .equals(
                                                                                                    t
                                                                                                            .key()))
                                                            || o.later.stream()
                                                                    .anyMatch(
                                                                            f ->
                                                                                    f.table()
                                                                                            .equals(
                                                                                                    t
                                                                                                            .key()))));
            long n =
                    referenced
                            ? 20 + random.nextInt(280)
                            : random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(300);
            if (t.key.contains("part")) {
                Fk fk =
                        t.fks.stream()
                                .filter(f -> f.columns().equals(List.of(t.key.get(0))))
                                .findFirst()
                                .orElseThrow();
                long parent =
                        rows.entrySet().stream()
                                .filter(e -> e.getKey().key().equals(fk.table()))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(1L);
                long parts =
                        t.column("part").type().kind() == ColumnType.Kind.BOOLEAN
                                ? 2
                                : t.column("part").type().kind() == ColumnType.Kind.ENUM ? 4 : 20;
                n = Math.max(1, Math.min(n, parent * parts));
            }
            rows.put(t, n);
        }
        return rows;
    }

    private Fuzzed render() {
        StringBuilder ddl = new StringBuilder(prelude);
        Map<String, TableInfo> model = new LinkedHashMap<>();
        List<DatasetSpec> datasets = new ArrayList<>();
        Map<Table, Long> rows = rows();
        for (Table t : tables) {
            ddl.append("create table ").append(qualified(t)).append(" (\n");
            List<String> parts = new ArrayList<>();
            for (Column c : t.columns) {
                parts.add(
                        "    "
                                + q(c.name)
                                + " "
                                + c.ddlType
                                + c.extra
                                + (c.nullable || c.generated ? "" : " not null"));
            }
            parts.add(
                    "    primary key ("
                            + String.join(", ", t.key.stream().map(this::q).toList())
                            + ")");
            for (Fk fk : t.fks) {
                Table parent =
                        tables.stream()
                                .filter(p -> p.key().equals(fk.table()))
                                .findFirst()
                                .orElseThrow();
                parts.add(
                        "    constraint "
                                + fk.name()
                                + " foreign key ("
                                + String.join(", ", fk.columns().stream().map(this::q).toList())
                                + ") references "
                                + qualified(parent)
                                + " ("
                                + String.join(", ", fk.refColumns().stream().map(this::q).toList())
                                + ")");
            }
            for (String[] check : t.checks) {
                parts.add("    constraint " + check[0] + " check (" + check[1] + ")");
            }
            ddl.append(String.join(",\n", parts)).append("\n)");
            if (t.partitioned) {
                ddl.append(" partition by range (").append(q("id")).append(");\n");
                ddl.append("create table ")
                        .append(q(t.name + "_low"))
                        .append(" partition of ")
                        .append(qualified(t))
                        .append(" for values from (minvalue) to (1000);\n");
                ddl.append("create table ")
                        .append(q(t.name + "_high"))
                        .append(" partition of ")
                        .append(qualified(t))
                        .append(" for values from (1000) to (maxvalue)");
            }
            ddl.append(";\n");
            t.extraDdl.forEach(e -> ddl.append(e).append(";\n"));
        }
        for (Table t : tables) {
            for (Fk fk : t.later) {
                Table parent =
                        tables.stream()
                                .filter(p -> p.key().equals(fk.table()))
                                .findFirst()
                                .orElseThrow();
                ddl.append("alter table ")
                        .append(qualified(t))
                        .append(" add constraint ")
                        .append(fk.name())
                        .append(" foreign key (")
                        .append(q(fk.columns().get(0)))
                        .append(") references ")
                        .append(qualified(parent))
                        .append(" (")
                        .append(q(fk.refColumns().get(0)))
                        .append(")")
                        .append(fk.deferrable() ? " deferrable initially deferred" : "")
                        .append(";\n");
            }
        }
        for (Table t : tables) {
            List<ColumnInfo> columns =
                    t.columns.stream()
                            .map(
                                    c ->
                                            new ColumnInfo(
                                                    c.name,
                                                    c.type,
                                                    c.nullable || c.generated,
                                                    c.generated
                                                            ? c.extra.replaceFirst(
                                                                    "^.* as (.*) stored$", "$1")
                                                            : null,
                                                    c.generated,
                                                    false))
                            .toList();
            List<TableInfo.ForeignKey> fks = new ArrayList<>();
            for (Fk fk : t.fks) {
                fks.add(
                        new TableInfo.ForeignKey(
                                fk.name(),
                                fk.columns(),
                                fk.table(),
                                fk.refColumns(),
                                fk.deferrable()));
            }
            for (Fk fk : t.later) {
                fks.add(
                        new TableInfo.ForeignKey(
                                fk.name(),
                                fk.columns(),
                                fk.table(),
                                fk.refColumns(),
                                fk.deferrable()));
            }
            List<TableInfo.Check> checks = new ArrayList<>();
            for (String[] check : t.checks) {
                checks.add(
                        new TableInfo.Check(
                                check[0], "CHECK (" + check[1] + ")", check[1], check[2]));
            }
            for (Column c : t.columns) {
                if (c.ddlType.equals("positive_int")) {
                    checks.add(
                            new TableInfo.Check(
                                    "positive_int_check",
                                    "CHECK (VALUE > 0)",
                                    "\"" + c.name + "\" > 0",
                                    "\"" + c.name + "\" > 0"));
                }
            }
            TableInfo.Partitioning partitioning =
                    !t.partitioned
                            ? null
                            : new TableInfo.Partitioning(
                                    TableInfo.Partitioning.Strategy.RANGE,
                                    "id",
                                    List.of(
                                            new TableInfo.Partitioning.Bound(
                                                    List.of(), null, "1000"),
                                            new TableInfo.Partitioning.Bound(
                                                    List.of(), "1000", null)),
                                    false);
            model.put(
                    t.key(),
                    new TableInfo(
                            t.schema == null ? "public" : t.schema,
                            t.key(),
                            qualified(t),
                            columns,
                            t.key,
                            t.uniques,
                            fks,
                            checks,
                            partitioning,
                            false));
            datasets.add(DatasetSpec.of(t.key(), rows.get(t)));
        }
        return new Fuzzed(seed, postgres ? "postgres" : "mariadb", ddl.toString(), model, datasets);
    }
}
