package dev.parity.data;

import static dev.parity.data.TestTables.in;
import static dev.parity.data.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tables: "*"}: one dataset per table a pattern matches, tables named by themselves keeping their own. */
class TablePatternsTest {

    private static final Map<String, TableInfo> SCHEMA =
            TestTables.schema(
                    table("customers").column("email", false),
                    table("orders").column("total", false).column("note", true),
                    table("order_lines"),
                    in("audit", "log").key("id").column("note", true),
                    in("audit", "orders").key("id"));

    private final List<Problem> problems = new ArrayList<>();

    private List<DatasetSpec> expand(DatasetSpec... specs) {
        return TablePatterns.expand(List.of(specs), SCHEMA, new SpecValidator(SCHEMA), problems);
    }

    private static List<String> described(List<Problem> problems) {
        return problems.stream().map(p -> p.where() + ": " + p.describe()).toList();
    }

    private static DatasetSpec at(DatasetSpec spec, int line) {
        return spec.withOrigin(new Location("parity.yml", line));
    }

    @Test
    void aSchemaQualifiedTableIsLookedUpInThatSchemaOnly() {
        SpecValidator lookup = new SpecValidator(SCHEMA);
        assertThat(lookup.table("orders")).map(TableInfo::schema).hasValue("public");
        assertThat(lookup.table("public.orders")).map(TableInfo::schema).hasValue("public");
        assertThat(lookup.table("audit.orders")).map(TableInfo::schema).hasValue("audit");
        assertThat(lookup.table("AUDIT.log")).map(TableInfo::schema).hasValue("audit");
        // before, the qualifier was dropped and a typo in it loaded the current schema's table
        assertThat(lookup.table("audti.orders")).isEmpty();
        assertThat(described(lookup.validate(List.of(at(DatasetSpec.of("audti.orders", 10), 3)))))
                .containsExactly(
                        "parity.yml, line 3: there is no table 'audti.orders' in schema public. Did you mean 'audit.orders'? "
                                + "Name one of its tables: audit.log, audit.orders, customers, order_lines, orders.");
    }

    @Test
    void aStarIsEveryTableOfTheCurrentSchema() {
        assertThat(TablePatterns.matches("*", SCHEMA))
                .containsExactly("customers", "orders", "order_lines");
        assertThat(TablePatterns.matches("public.*", SCHEMA))
                .containsExactly("customers", "orders", "order_lines");
        assertThat(TablePatterns.matches("audit.*", SCHEMA))
                .containsExactly("audit.log", "audit.orders");
        assertThat(TablePatterns.matches("*.*", SCHEMA))
                .containsExactly("customers", "orders", "order_lines", "audit.log", "audit.orders");
        assertThat(TablePatterns.matches("order*", SCHEMA))
                .containsExactly("orders", "order_lines");
        assertThat(TablePatterns.matches("*.ORDERS", SCHEMA))
                .containsExactly("orders", "audit.orders");
    }

    @Test
    void aTableNamedByItselfOverridesThePattern() {
        DatasetSpec every = at(DatasetSpec.of("*", 1000).withMess(Mess.none()), 3);
        DatasetSpec orders = at(DatasetSpec.of("orders", 50_000), 5);
        List<DatasetSpec> expanded = expand(every, orders);

        assertThat(problems).isEmpty();
        assertThat(expanded)
                .extracting(DatasetSpec::table)
                .containsExactly("customers", "order_lines", "orders");
        assertThat(expanded).extracting(DatasetSpec::rows).containsExactly(1000L, 1000L, 50_000L);
        // the pattern's mess, seed and origin go with each table it fills
        assertThat(expanded.get(0))
                .isEqualTo(DatasetSpec.of("customers", 1000).withMess(Mess.none()));
        assertThat(expanded.get(0).origin()).isEqualTo(new Location("parity.yml", 3));
        // without patterns, nothing changes
        assertThat(expand(orders)).containsExactly(orders);
    }

    @Test
    void aLaterPatternWinsAndRulesGoWhereTheirColumnIs() {
        ColumnRule note = ColumnRule.constant("n/a");
        List<DatasetSpec> expanded =
                expand(
                        DatasetSpec.of("*.*", 10).withColumn("note", note),
                        DatasetSpec.of("audit.*", 20));
        assertThat(problems).isEmpty();
        assertThat(expanded)
                .extracting(DatasetSpec::table)
                .containsExactly("customers", "orders", "order_lines", "audit.log", "audit.orders");
        assertThat(expanded).extracting(DatasetSpec::rows).containsExactly(10L, 10L, 10L, 20L, 20L);
        assertThat(expanded.get(1).columns()).containsOnlyKeys("note");
        assertThat(expanded.get(0).columns()).isEmpty();
    }

    @Test
    void aPatternOrARuleThatMatchesNothingIsReported() {
        expand(
                at(DatasetSpec.of("sales.*", 10), 4),
                at(DatasetSpec.of("*", 10).withColumn("emial", ColumnRule.constant("x")), 7));
        assertThat(problems)
                .extracting(p -> p.where().line() + ": " + p.describe())
                .containsExactly(
                        "4: tables 'sales.*' match no table. Write \"*\" for every table of the current schema, or schema.* with one of the schemas "
                                + "Parity reads: audit, public.",
                        "7: none of the 3 tables that '*' matches has a column 'emial'. Did you mean 'email'? A pattern's rules apply to the tables "
                                + "that have the column.");
    }
}
