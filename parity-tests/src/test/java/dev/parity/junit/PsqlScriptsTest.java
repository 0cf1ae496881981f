package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Init scripts written for psql run in psql, inside the database's container: a script with {@code \set}
 * and {@code :'var'}, {@code \copy} from a file beside it, {@code \ir} of a Latin-1 file that sets
 * {@code client_encoding} (which pgjdbc refuses); pg_dump's plain output ({@code \restrict},
 * {@code set_config('search_path', '', false)}, {@code COPY ... FROM stdin} blocks); and plain SQL after
 * them over JDBC again, in a session of its own.
 *
 * <p>db/pgdump/shop.sql is {@code pg_dump --no-owner --no-privileges} (pg_dump 15.18) of a small schema: an
 * enum, a function, two tables with a serial and an identity, a CHECK, a view, a foreign key, and rows
 * with a NULL, a tab, a backslash, a newline and a non-ASCII letter.
 */
@NeedsDocker
class PsqlScriptsTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @ProdLike("psql")
    static class LoadedByPsql {
        @Test
        void test(DataSource dataSource) throws SQLException {
            SEEN.put(
                    "products",
                    ProdLikeIntegrationTest.query(
                            dataSource,
                            "select sku || ' ' || name || ' ' || price from psql_products order by sku"));
            SEEN.put(
                    "owner",
                    ProdLikeIntegrationTest.query(
                            dataSource, "select value from psql_settings where name = 'owner'"));
            SEEN.put(
                    "names",
                    ProdLikeIntegrationTest.query(
                            dataSource, "select name from psql_names order by name"));
            SEEN.put(
                    "customers",
                    ProdLikeIntegrationTest.query(
                            dataSource,
                            "select id || ' ' || email || ' ' || coalesce(name, 'NULL') from customers order by id"));
            SEEN.put(
                    "orders",
                    ProdLikeIntegrationTest.query(
                            dataSource,
                            "select id || ' ' || status || ' ' || total || ' ' || coalesce(note, 'NULL') from orders order by id"));
            SEEN.put(
                    "orderCount",
                    ProdLikeIntegrationTest.query(dataSource, "select order_count(1)"));
            SEEN.put(
                    "totals",
                    ProdLikeIntegrationTest.query(
                            dataSource,
                            "select email || ' ' || total from customer_totals order by email"));
            SEEN.put("searchPath", ProdLikeIntegrationTest.query(dataSource, "show search_path"));
        }
    }

    @Test
    void psqlScriptsAndPgDumpOutputLoadAndPlainSqlFollowsOverJdbc() {
        SEEN.clear();
        Kit.run(Map.of("parity.config", "profiles/psql.yml"), LoadedByPsql.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN)
                .containsEntry(
                        "products",
                        "A-1 Kaffeemühle 19.90|B-2 Crème brûlée torch 34.50|C-3 Tea 3.00")
                .containsEntry("owner", "app")
                .containsEntry("names", "Ångström|café|Zoë");
        assertThat(SEEN)
                .as(
                        "pg_dump's rows, COPY's escapes decoded; its sequence set, so the plain script's row gets id 4")
                .containsEntry(
                        "customers",
                        "1 ada@example.com Ada Lovelace|2 bob@example.com NULL|3 zoë@example.com Zoë\tTab \\ Backslash"
                                + "|4 dora@example.com Dora")
                .containsEntry(
                        "orders",
                        "1 paid 12.50 first|2 shipped 99.99 NULL|3 placed 0.00 multi\nline")
                .containsEntry("orderCount", "2")
                .containsEntry("totals", "ada@example.com 112.49|zoë@example.com 0.00")
                .containsEntry("searchPath", "\"$user\", public");
    }
}
