package dev.parity.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Turns specs into {@link TablePlan}s: reads the schema, validates the specs, orders the tables, and for
 * every column decides where its values come from (a rule, a foreign key, a unique sequence, the type and
 * the name) and which mess it may take. Reports every problem before a row is written.
 */
final class DatasetPlanner {

    /** Parent rows read from tables nobody loads, at most this many: enough to spread references over. */
    private static final int MAX_EXISTING_KEYS = 1_000_000;

    private final Connection connection;
    private final long seed;
    private final LongFunction<FakerPools> pools;
    private final List<String> problems = new ArrayList<>();
    private Map<String, TableInfo> schema;

    DatasetPlanner(Connection connection, long seed, LongFunction<FakerPools> pools) {
        this.connection = connection;
        this.seed = seed;
        this.pools = pools;
    }

    List<TablePlan> plan(List<DatasetSpec> specs) throws SQLException {
        schema = SchemaReader.read(connection);
        SpecValidator validator = new SpecValidator(schema);
        problems.addAll(validator.validate(specs));
        failOnProblems();
        Map<DatasetSpec, TableInfo> tables = new LinkedHashMap<>();
        specs.forEach(s -> tables.put(s, validator.table(s.table()).orElseThrow()));
        LoadOrder.Result order = LoadOrder.of(specs, tables);
        problems.addAll(order.problems());
        failOnProblems();
        Set<String> referenced = referencedColumns(specs, tables);
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        for (DatasetSpec spec : order.order()) {
            TableInfo table = tables.get(spec);
            plans.put(table.name(), table(spec, table, plans, order.broken(), referenced));
        }
        failOnProblems();
        return new ArrayList<>(plans.values());
    }

    private void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
    }

    /** "table.column" of every column some foreign key or ref points at: those stay clean. */
    private Set<String> referencedColumns(List<DatasetSpec> specs, Map<DatasetSpec, TableInfo> tables) {
        Set<String> referenced = new HashSet<>();
        schema.values().forEach(t -> t.foreignKeys().forEach(fk -> fk.refColumns().forEach(c -> referenced.add(fk.refTable() + "." + c))));
        specs.forEach(s -> s.columns().values().forEach(rule -> {
            if (rule instanceof ColumnRule.Ref ref) {
                referenced.add(ref.table() + "." + ref.column());
            }
        }));
        return referenced;
    }

    private TablePlan table(DatasetSpec spec, TableInfo table, Map<String, TablePlan> plans, Set<TableInfo.ForeignKey> broken,
                            Set<String> referenced) throws SQLException {
        long baseSeed = spec.seed().orElse(seed);
        long tableSeed = CellRandom.mix(baseSeed, CellRandom.hash(table.name()));
        TablePlan plan = new TablePlan(spec, table, tableSeed);
        TypeGenerators types = new TypeGenerators(pools.apply(baseSeed));
        CheckReader.Result checks = CheckReader.read(table);
        checks.opaque().forEach(plan::addOpaqueCheck);
        Set<String> opaque = checks.opaqueColumns();
        Set<String> keyColumns = new HashSet<>();
        table.keys().forEach(keyColumns::addAll);

        // foreign keys and refs: each a group of columns pointing at one row
        List<Reference> references = references(spec, table, plans, broken);
        references.stream().filter(r -> r.keys instanceof LazyKeys).forEach(r -> ((LazyKeys) r.keys).plan = plan);
        Map<String, Reference> referenceOf = new HashMap<>();
        for (Reference reference : references) {
            reference.columns.forEach(c -> referenceOf.putIfAbsent(c, reference));
        }

        // unique keys: one column unique per row satisfies a key; keys of foreign keys only enumerate their rows
        Set<String> rowUnique = new HashSet<>();
        List<List<String>> keys = new ArrayList<>(table.keys());
        keys.sort((a, b) -> Integer.compare(a.size(), b.size()));
        for (List<String> key : keys) {
            if (key.stream().anyMatch(rowUnique::contains)) {
                continue;
            }
            String candidate = key.stream().filter(c -> !referenceOf.containsKey(c) && uniqueCapable(table.column(c).orElseThrow(), spec.columns().get(c)))
                    .findFirst().orElse(null);
            if (candidate != null) {
                rowUnique.add(candidate);
            } else if (key.stream().allMatch(referenceOf::containsKey)) {
                enumerate(spec, table, key, referenceOf);
            } else {
                problem(spec, "table '" + table.name() + "' has the unique key (" + String.join(", ", key) + "), and Parity cannot make those columns unique",
                        "Remove the value or constant rules on them, or give one of them an expression rule");
            }
        }

        for (ColumnInfo column : table.columns()) {
            if (column.generated()) {
                continue;
            }
            String qualified = table.name() + "." + column.name();
            ColumnRule rule = spec.columns().get(column.name());
            ColumnLimits limits = checks.of(column.name());
            boolean clean = keyColumns.contains(column.name()) || referenced.contains(qualified) || opaque.contains(column.name());
            Mess mess = clean ? Mess.none() : column.nullable() ? spec.mess() : spec.mess().withNulls(0);
            ColumnValues values;
            Reference reference = referenceOf.get(column.name());
            if (reference != null && (rule == null || rule instanceof ColumnRule.Ref)) {
                values = ColumnValues.of(reference.generator(column.name(), tableSeed, spec.mess().nulls()));
                mess = Mess.none();
            } else if (rule instanceof ColumnRule.Expression expression) {
                FakerPools.Pool pool = pools.apply(baseSeed).pool(expression.expression());
                int length = column.length();
                ValueGenerator base = (row, r) -> Formats.truncate(pool.pick(r), length);
                if (rowUnique.contains(column.name())) {
                    base = types.unique(column, limits, offset(table, column), base);
                }
                values = new ColumnValues(base, List.of(), TypeGenerators.isText(column.type()));
            } else if (rule instanceof ColumnRule.Weighted weighted) {
                values = ColumnValues.of(weighted(weighted));
                mess = Mess.none().withNulls(mess.nulls());
            } else if (rule instanceof ColumnRule.Constant constant) {
                values = ColumnValues.of((row, r) -> constant.value());
                mess = Mess.none();
            } else if (rowUnique.contains(column.name())) {
                values = ColumnValues.of(types.unique(column, limits, offset(table, column), null));
            } else {
                values = types.forColumn(column, limits);
                if (values == null) {
                    if (column.defaultValue() != null) {
                        continue; // the database fills it
                    }
                    if (!column.nullable()) {
                        problem(spec, "column '" + qualified + "' has type " + column.sqlType() + ", which Parity cannot generate, and is NOT NULL without a default",
                                "Give it a rule under columns (a Datafaker expression, values or a constant)");
                        continue;
                    }
                    values = ColumnValues.of((row, r) -> null);
                } else if (limits.allowed() != null || column.isEnum()) {
                    mess = Mess.none().withNulls(mess.nulls());
                }
            }
            int maxLength = column.length() < 0 ? limits.maxLength() : limits.maxLength() < 0 ? column.length() : Math.min(column.length(), limits.maxLength());
            plan.add(new ColumnPlan(column, values, mess, limits.minLength(), maxLength));
            if (column.isSequenceBacked()) {
                plan.addSequence(column.name());
            }
        }
        return plan;
    }

    private static boolean uniqueCapable(ColumnInfo column, ColumnRule rule) {
        if (rule instanceof ColumnRule.Weighted || rule instanceof ColumnRule.Constant || rule instanceof ColumnRule.Ref) {
            return false;
        }
        String type = column.type();
        return !column.isArray() && !column.isEnum() && (TypeGenerators.isInteger(type) || type.equals("numeric") || TypeGenerators.isText(type)
                || type.equals("uuid") || type.equals("date") || type.startsWith("timestamp"));
    }

    /** Rows already in the table push a unique number column past them. */
    private long offset(TableInfo table, ColumnInfo column) throws SQLException {
        if (!TypeGenerators.isInteger(column.type()) && !column.type().equals("numeric")) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("select coalesce(max(" + Sql.identifier(column.name()) + "), 0) from " + table.qualifiedName())) {
            max.next();
            return Math.max(0, max.getBigDecimal(1).longValue());
        }
    }

    private static ValueGenerator weighted(ColumnRule.Weighted rule) {
        List<String> values = rule.values();
        double[] cumulative = new double[values.size()];
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += rule.weights().isEmpty() ? 1 : rule.weights().get(i);
            cumulative[i] = sum;
        }
        double total = sum;
        return (row, r) -> {
            double u = r.nextDouble() * total;
            for (int i = 0; i < cumulative.length; i++) {
                if (u < cumulative[i]) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        };
    }

    /** A group of columns pointing at rows of one table: a foreign key, or a ref. */
    private static final class Reference {
        final String name;
        final List<String> columns;
        final KeySource keys;
        final Skew skew;
        final boolean nullable;
        final boolean self;
        long divisor;
        ReferencePick pick;

        Reference(String name, List<String> columns, KeySource keys, Skew skew, boolean nullable, boolean self) {
            this.name = name;
            this.columns = columns;
            this.keys = keys;
            this.skew = skew;
            this.nullable = nullable;
            this.self = self;
        }

        ValueGenerator generator(String column, long tableSeed, double nulls) {
            if (keys == null) {
                return (row, r) -> null;
            }
            if (pick == null) {
                pick = new ReferencePick(keys, skew, nullable, nulls, tableSeed, name, self, divisor);
            }
            return pick.column(columns.indexOf(column));
        }
    }

    private List<Reference> references(DatasetSpec spec, TableInfo table, Map<String, TablePlan> plans, Set<TableInfo.ForeignKey> broken)
            throws SQLException {
        List<Reference> references = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (TableInfo.ForeignKey fk : table.foreignKeys()) {
            boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).map(ColumnInfo::nullable).orElse(false));
            Skew skew = Skew.UNIFORM;
            for (int i = 0; i < fk.columns().size(); i++) {
                if (spec.columns().get(fk.columns().get(i)) instanceof ColumnRule.Ref ref) {
                    if (!ref.table().equalsIgnoreCase(fk.refTable()) || !ref.column().equalsIgnoreCase(fk.refColumns().get(i))) {
                        problem(spec, "column '" + fk.columns().get(i) + "' has ref '" + ref.table() + "." + ref.column() + "', but its foreign key "
                                + fk.name() + " points at " + fk.refTable() + "." + fk.refColumns().get(i),
                                "Write ref: " + fk.refTable() + "." + fk.refColumns().get(i) + ", or remove the ref");
                    }
                    skew = ref.skew();
                }
            }
            if (broken.contains(fk)) {
                references.add(new Reference(fk.name(), fk.columns(), null, skew, true, false));
            } else {
                references.add(reference(spec, table, fk.name(), fk.columns(), fk.refTable(), fk.refColumns(), skew, nullable, plans));
            }
            covered.addAll(fk.columns());
        }
        for (Map.Entry<String, ColumnRule> entry : spec.columns().entrySet()) {
            if (entry.getValue() instanceof ColumnRule.Ref ref && !covered.contains(entry.getKey())) {
                String target = schema.keySet().stream().filter(t -> t.equalsIgnoreCase(ref.table())).findFirst().orElse(ref.table());
                boolean nullable = table.column(entry.getKey()).map(ColumnInfo::nullable).orElse(false);
                references.add(reference(spec, table, "ref:" + entry.getKey(), List.of(entry.getKey()), target, List.of(ref.column()),
                        ref.skew(), nullable, plans));
            }
        }
        return references;
    }

    private Reference reference(DatasetSpec spec, TableInfo table, String name, List<String> columns, String refTable, List<String> refColumns,
                                Skew skew, boolean nullable, Map<String, TablePlan> plans) throws SQLException {
        boolean self = refTable.equals(table.name());
        TablePlan parent = self ? null : plans.get(refTable);
        KeySource keys;
        if (self) {
            keys = null; // set below: the plan being built
        } else if (parent != null && parent.rows() > 0) {
            keys = generated(parent, refColumns);
        } else {
            keys = KeySource.existing(existingKeys(refTable, refColumns));
        }
        if (!self && keys.size() == 0 && !nullable) {
            problem(spec, "table '" + table.name() + "' references " + refTable + " (" + String.join(", ", columns) + " → "
                    + String.join(", ", refColumns) + "), which has no rows, and those columns are NOT NULL",
                    "Add a dataset for " + refTable + " with rows above 0, or insert its rows in an init script");
        }
        if (self) {
            return new Reference(name, columns, new LazyKeys(refColumns), skew, nullable, true);
        }
        return new Reference(name, columns, keys.size() == 0 ? null : keys, skew, nullable, false);
    }

    /** Keys of the table being planned, found once its plan exists. */
    private static final class LazyKeys implements KeySource {
        private final List<String> columns;
        TablePlan plan;

        LazyKeys(List<String> columns) {
            this.columns = columns;
        }

        @Override
        public long size() {
            return plan == null ? 0 : plan.rows();
        }

        @Override
        public String value(int ordinal, long index, CellRandom random) {
            return plan.column(columns.get(ordinal)).value(plan.seed(), index, random);
        }
    }

    private static KeySource generated(TablePlan parent, List<String> columns) {
        return new KeySource() {
            @Override
            public long size() {
                return parent.rows();
            }

            @Override
            public String value(int ordinal, long index, CellRandom random) {
                return parent.column(columns.get(ordinal)).value(parent.seed(), index, random);
            }
        };
    }

    private List<String[]> existingKeys(String table, List<String> columns) throws SQLException {
        TableInfo info = schema.get(table);
        if (info == null) {
            return List.of();
        }
        String select = columns.stream().map(c -> Sql.identifier(c) + "::text").collect(Collectors.joining(", "));
        String notNull = columns.stream().map(c -> Sql.identifier(c) + " is not null").collect(Collectors.joining(" and "));
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select distinct " + select + " from " + info.qualifiedName() + " where " + notNull
                     + " limit " + MAX_EXISTING_KEYS)) {
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

    /** A unique key made only of foreign keys: rows enumerate the combinations of referenced rows. */
    private void enumerate(DatasetSpec spec, TableInfo table, List<String> key, Map<String, Reference> referenceOf) {
        List<Reference> groups = key.stream().map(referenceOf::get).distinct().toList();
        if (groups.stream().anyMatch(g -> g.divisor > 0 || g.keys == null || g.self)) {
            return;
        }
        long divisor = 1;
        for (Reference group : groups) {
            group.divisor = divisor;
            divisor = Math.multiplyExact(divisor, Math.max(1, group.keys.size()));
        }
        if (spec.rows() > divisor) {
            problem(spec, "table '" + table.name() + "' has the unique key (" + String.join(", ", key) + ") of foreign keys, which allows only "
                    + divisor + " distinct rows, fewer than the " + spec.rows() + " asked for",
                    "Ask for at most " + divisor + " rows, or more rows in the referenced tables");
        }
    }

    private void problem(DatasetSpec spec, String what, String fix) {
        problems.add(SpecValidator.problem(spec.origin(), what, fix));
    }
}
