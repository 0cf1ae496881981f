package dev.parity.engine.postgres;

import dev.parity.engine.schema.TableInfo.Partitioning;
import dev.parity.engine.schema.TableInfo.Partitioning.Bound;
import dev.parity.engine.schema.TableInfo.Partitioning.Strategy;
import dev.parity.engine.sql.SqlListItems;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads partition bounds as {@code pg_get_expr(relpartbound, oid)} prints them: {@code FOR VALUES FROM ('a') TO ('b')},
 * {@code FOR VALUES IN ('x', 'y')}, {@code FOR VALUES WITH (modulus m, remainder r)} and {@code DEFAULT}.
 */
final class PostgresPartitionBounds {

    private PostgresPartitionBounds() {}

    /** @param strategy {@code pg_partitioned_table.partstrat}: r, l or h */
    static Partitioning parse(String strategy, String column, List<String> partitions) {
        Strategy kind =
                switch (strategy) {
                    case "r" -> Strategy.RANGE;
                    case "l" -> Strategy.LIST;
                    default -> Strategy.HASH;
                };
        List<Bound> bounds = new ArrayList<>();
        boolean hasDefault = false;
        for (String partition : partitions) {
            if (partition.equals("DEFAULT")) {
                hasDefault = true;
            } else if (partition.startsWith("FOR VALUES FROM (")) {
                int to = partition.indexOf(") TO (");
                String from = single(items(partition.substring("FOR VALUES FROM (".length(), to)));
                String upTo =
                        single(
                                items(
                                        partition.substring(
                                                to + ") TO (".length(), partition.length() - 1)));
                bounds.add(new Bound(List.of(), from, upTo));
            } else if (partition.startsWith("FOR VALUES IN (")) {
                bounds.add(
                        new Bound(
                                items(
                                        partition.substring(
                                                "FOR VALUES IN (".length(),
                                                partition.length() - 1)),
                                null,
                                null));
            }
        }
        return new Partitioning(kind, column, bounds, hasDefault);
    }

    /** A one-column bound's value; null for MINVALUE or MAXVALUE. */
    private static String single(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** The literals of a comma-separated list: strings unquoted, NULL as null, MINVALUE/MAXVALUE as null. */
    static List<String> items(String list) {
        List<String> values = new ArrayList<>();
        for (SqlListItems.Item item : SqlListItems.of(list)) {
            boolean open =
                    !item.quoted()
                            && (item.text().equals("NULL")
                                    || item.text().equals("MINVALUE")
                                    || item.text().equals("MAXVALUE"));
            values.add(open ? null : item.text());
        }
        return values;
    }
}
