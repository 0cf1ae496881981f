package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An init script that psql splits elsewhere than at every semicolon runs over JDBC as psql would run it:
 * SQL-standard function and procedure bodies ({@code BEGIN ATOMIC}, a {@code CASE} inside), a rule with
 * two actions in parentheses, a PL/pgSQL body with nested dollar quotes and a nested comment
 * (db/postgres/sql-bodies.sql). The objects work: the function answers, the procedure inserts, the rule
 * fires.
 */
@NeedsDocker
class SqlBodiesInitScriptTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @ProdLike("sql-bodies")
    static class Loaded {
        @Test
        void test(DataSource dataSource) throws SQLException {
            SEEN.put(
                    "sizes",
                    ProdLikeIntegrationTest.query(
                            dataSource,
                            "select order_size(150) || ' ' || order_size(0.5) || ' ' || order_size(0)"));
            SEEN.put(
                    "standardBodies",
                    ProdLikeIntegrationTest.query(
                            dataSource,
                            "select proname || ' ' || (prosqlbody is not null) from pg_proc where proname in ('order_size', 'place_order') order by proname"));
            try (Connection connection = dataSource.getConnection();
                    Statement sql = connection.createStatement()) {
                connection.setAutoCommit(false);
                sql.execute("call place_order(1, 150)");
                sql.execute("call place_order(2, 0.5)");
                sql.execute("update orders set status = 'shipped' where id = 1");
                SEEN.put(
                        "log",
                        rows(
                                sql,
                                "select order_id || ' ' || event from order_log order by order_id, event"));
                SEEN.put("described", rows(sql, "select describe(1)"));
                SEEN.put(
                        "view", rows(sql, "select id || ' ' || size from order_sizes order by id"));
                connection.rollback();
            }
        }

        private static String rows(Statement sql, String query) throws SQLException {
            List<String> values = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery(query)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return String.join("|", values);
        }
    }

    @Test
    void bodiesRulesAndNestedDollarQuotesLoadWholeAndWork() {
        SEEN.clear();
        Kit.run(Map.of("parity.config", "profiles/sql-bodies.yml"), Loaded.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN)
                .containsEntry("sizes", "big tiny; free")
                .containsEntry("standardBodies", "order_size true|place_order true")
                .containsEntry(
                        "log",
                        "1 notify; big|1 placed; by a procedure|1 shipped|2 placed; by a procedure")
                .containsEntry("described", "order 1: shipped;")
                .containsEntry("view", "1 big|2 tiny;");
    }
}
