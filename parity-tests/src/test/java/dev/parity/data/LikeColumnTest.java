package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.data.check.Evaluator;
import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A nullable text column under {@code c1 LIKE 'ab%'} and {@code upper(c1) IN ('AB', 'CD') OR c1 IS NULL}, the table
 * of SchemaFuzzTest's seed 43501783160471 (PostgreSQL): every row meets both CHECKs, whatever was planned before it
 * in the JVM, and the same seed gives the same rows.
 */
class LikeColumnTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Engine POSTGRES = Engines.byId("postgres").orElseThrow();

    private static TableInfo table() {
        List<ColumnInfo> columns =
                List.of(
                        new ColumnInfo(
                                "id",
                                ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                                false,
                                null,
                                false,
                                false),
                        new ColumnInfo(
                                "c1", ColumnType.text("text", -1), true, null, false, false));
        List<TableInfo.Check> checks =
                List.of(
                        check("t3_ck1", "\"c1\" like 'ab%'"),
                        check("t3_ck2", "upper(\"c1\") in ('AB', 'CD') or \"c1\" is null"));
        return new TableInfo(
                "public", "t3", "\"t3\"", columns, List.of("id"), List.of(), List.of(), checks);
    }

    private static TableInfo.Check check(String name, String condition) {
        return new TableInfo.Check(name, "CHECK (" + condition + ")", condition, condition);
    }

    private static List<Map<String, String>> rows(long seed) throws Exception {
        Map<String, TableInfo> schema = new LinkedHashMap<>();
        schema.put("t3", table());
        Map<Long, FakerPools> pools = new HashMap<>();
        List<TablePlan> plans =
                new DatasetPlanner(
                                DatabaseState.empty(schema),
                                POSTGRES,
                                seed,
                                s -> pools.computeIfAbsent(s, FakerPools::new),
                                ZONE)
                        .plan(List.of(DatasetSpec.of("t3", 300)));
        TablePlan plan = plans.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        CellRandom random = new CellRandom();
        for (long row = 0; row < plan.rows(); row++) {
            Map<String, String> values = new HashMap<>();
            for (ColumnPlan column : plan.columns()) {
                values.put(column.name(), column.value(plan.seed(), row, random));
            }
            rows.add(values);
        }
        return rows;
    }

    @Test
    void everyRowMeetsTheLikeAndTheListWhateverRanBefore() throws Exception {
        long seed = 43501783160471L;
        List<Map<String, String>> alone = rows(seed);
        for (long other = seed - 20; other < seed; other++) {
            rows(other);
        }
        assertThat(rows(seed)).as("the same seed, after others").isEqualTo(alone);
        Evaluator evaluator = new Evaluator(Instant.now(), ZONE);
        TypedValues typed = new TypedValues(POSTGRES.values(), ZONE);
        TableInfo table = table();
        for (Map<String, String> row : alone) {
            for (CheckReader.Parsed check : CheckReader.read(table).checks()) {
                Evaluator.Truth truth =
                        evaluator.test(
                                check.condition(),
                                c -> typed.read(table.column(c).orElseThrow().type(), row.get(c)));
                assertThat(truth)
                        .as("CHECK %s on %s", check.check().condition(), row)
                        .isNotEqualTo(Evaluator.Truth.FALSE);
            }
        }
    }
}
