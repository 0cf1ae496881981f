package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.ProblemException;
import dev.parity.data.DatasetLoader;
import dev.parity.data.DatasetSpec;
import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.settings.Settings;
import dev.parity.testing.Checksums;
import dev.parity.testing.EmptySchema;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Secondary indexes and foreign keys dropped during a load and created again at its end
 * ({@link IndexesAndForeignKeys}): the same rows as a load that keeps them, and afterwards the same catalog,
 * to the letter, also after a load that fails.
 */
// switches Settings.LOAD_KEEP_INDEXES.name(); checksums read timestamps in the JVM's zone
@ResourceLock(Resources.SYSTEM_PROPERTIES)
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NeedsDocker
class IndexRebuildIntegrationTest {

    private static final Engine POSTGRES = Engines.byId("postgres").orElseThrow();

    /** Each table with the columns its rows are ordered by. */
    private static final Map<String, String> TABLES =
            Map.of(
                    "accounts",
                    "account_id",
                    "codes",
                    "code_id",
                    "orders",
                    "order_id",
                    "order_lines",
                    "order_id, line_no",
                    "refunds",
                    "refund_id",
                    "events",
                    "event_id, happened",
                    "teams",
                    "team_id",
                    "players",
                    "player_id");

    /** Every index and constraint of the schema, with what the load must keep: definition, validity, parent, comment. */
    private static final String CATALOG =
            """
            select string_agg(line, E'\\n' order by line) from (
              select 'index ' || i.indexrelid::regclass || ' on ' || i.indrelid::regclass || ': ' || pg_get_indexdef(i.indexrelid)
                  || ', valid ' || i.indisvalid || ', clustered ' || i.indisclustered
                  || ', parent ' || coalesce((select h.inhparent::regclass::text from pg_inherits h where h.inhrelid = i.indexrelid), '-')
                  || ', comment ' || coalesce(obj_description(i.indexrelid, 'pg_class'), '-') as line
              from pg_index i join pg_class t on t.oid = i.indrelid where t.relnamespace = 'public'::regnamespace
              union all
              select 'constraint ' || c.conname || ' on ' || c.conrelid::regclass || ': ' || pg_get_constraintdef(c.oid)
                  || ', deferrable ' || c.condeferrable || ', deferred ' || c.condeferred || ', validated ' || c.convalidated
                  || ', index ' || coalesce(nullif(c.conindid, 0)::regclass::text, '-')
                  || ', parent ' || coalesce((select p.conname || ' on ' || p.conrelid::regclass from pg_constraint p where p.oid = c.conparentid), '-')
                  || ', comment ' || coalesce(obj_description(c.oid, 'pg_constraint'), '-')
              from pg_constraint c where c.connamespace = 'public'::regnamespace
              union all
              select 'internal triggers on ' || tgrelid::regclass || ': ' || count(*) from pg_trigger where tgisinternal group by tgrelid
            ) catalog""";

    /**
     * Objects the load drops and creates again: a partitioned index, a partial one, one with a comment, keys (one
     * with comments, one with INCLUDE), a unique index a foreign key references, foreign keys (one
     * of a table not loaded).
     */
    private static final String OBJECT_IDS =
            "select string_agg(oid::text, ',' order by oid) from (select oid from pg_class where relname in "
                    + "('events_account_idx', 'events_2024_q3_account_id_happened_idx', 'orders_open_idx', 'accounts_region_created_idx', "
                    + "'orders_pkey', 'codes_pkey', 'codes_label_key', 'codes_code_key', 'accounts_email_key', 'players_pkey') "
                    + "union all select oid from pg_constraint where conname in ('orders_account_fk', 'events_2024_h1_account_fk', "
                    + "'orders_pkey', 'codes_label_key', 'notes_account_fk', 'teams_captain_fk')) dropped";

    /**
     * Left alone: a clustered index, a partitioned table's key, the key a second pass finds rows by, a key with
     * storage parameters (pg_get_constraintdef leaves them out).
     */
    private static final String KEPT_OBJECT_IDS =
            "select string_agg(oid::text, ',' order by oid) from pg_class where relname in "
                    + "('accounts_created_idx', 'events_pkey', 'teams_pkey', 'refunds_pkey')";

    private EmptySchema schema;

    @BeforeAll
    void startDatabase() {
        schema =
                EmptySchema.start(
                        POSTGRES, List.of("db/postgres/rebuilt-indexes.sql"), "index-rebuild-test");
    }

    @AfterAll
    void stopDatabase() {
        if (schema != null) {
            schema.close();
        }
    }

    @AfterEach
    void rebuildAgain() {
        System.clearProperty(Settings.LOAD_KEEP_INDEXES.name());
    }

    @Test
    void rebuildingGivesTheSameRowsAndTheSameCatalogAsKeeping() throws SQLException {
        DataSource kept = freshCopy();
        String catalog = query(kept, CATALOG);
        assertThat(catalog)
                .contains(
                        "index accounts_region_created_idx on accounts: CREATE INDEX accounts_region_created_idx ON public.accounts "
                                + "USING btree (region, created_at DESC) WITH (fillfactor='70'), valid true, clustered false, parent -, comment listing by region");
        System.setProperty(Settings.LOAD_KEEP_INDEXES.name(), "true");
        load(kept);
        System.clearProperty(Settings.LOAD_KEEP_INDEXES.name());
        DataSource rebuilt = freshCopy();
        load(rebuilt);

        // dropped and created again (new objects), or left alone: the primary key and the clustered
        // index
        assertThat(query(rebuilt, OBJECT_IDS)).isNotEqualTo(query(kept, OBJECT_IDS));
        assertThat(query(rebuilt, KEPT_OBJECT_IDS)).isEqualTo(query(kept, KEPT_OBJECT_IDS));
        assertThat(query(rebuilt, CATALOG)).isEqualTo(catalog);
        assertThat(query(kept, CATALOG)).isEqualTo(catalog);
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            assertThat(query(rebuilt, "select count(*) from " + table.getKey()))
                    .as(table.getKey())
                    .isNotEqualTo("0");
            assertThat(Checksums.of(rebuilt, table.getKey(), table.getValue()))
                    .as(table.getKey())
                    .isEqualTo(Checksums.of(kept, table.getKey(), table.getValue()));
        }
        // the rebuilt foreign keys act: the cascade of orders_account_fk and the partitions' own
        // key
        try (Connection connection = rebuilt.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "delete from refunds; delete from order_lines; delete from events; update accounts set referrer_id = null");
            assertThat(
                            statement.executeUpdate(
                                    "delete from accounts where account_id in (select account_id from orders)"))
                    .isPositive();
        }
        assertThat(
                        query(
                                rebuilt,
                                "select count(*) from orders o where not exists (select from accounts a where a.account_id = o.account_id)"))
                .isEqualTo("0");
        // orders was empty, and nothing referenced it once foreign keys were dropped: written
        // frozen,
        // all-visible as a vacuumed table; keeping indexes keeps order_lines' key to it, so no
        // freeze
        String allVisible =
                "select (relpages > 0 and relallvisible = relpages)::text from pg_class where oid = 'orders'::regclass";
        assertThat(query(rebuilt, allVisible)).isEqualTo("true");
        assertThat(query(kept, allVisible)).isEqualTo("false");
        // the second pass found teams by the key it kept, and filled their captains (some stay
        // NULL: mess)
        assertThat(
                        Integer.parseInt(
                                query(
                                        rebuilt,
                                        "select count(*) from teams where captain_id is not null")))
                .isGreaterThan(200);
    }

    @Test
    void aTriggerTheLoadFiresKeepsEveryKeyItMayUpsertOn() throws SQLException {
        DataSource triggered = freshCopy();
        try (Connection connection = triggered.getConnection();
                Statement statement = connection.createStatement()) {
            // an upsert on the accounts' key, as counters kept by triggers do: without the key it
            // fails (no unique or exclusion constraint matching the ON CONFLICT specification)
            statement.execute(
                    "create function touch_account() returns trigger language plpgsql as $$ begin "
                            + "insert into accounts (account_id, email, region, created_at) values (new.account_id, 'x', 'x', now()) "
                            + "on conflict (account_id) do nothing; return null; end $$");
            statement.execute(
                    "create trigger touch_account after insert on orders for each row execute function touch_account()");
        }
        String keys =
                "select string_agg(oid::text, ',' order by oid) from pg_class where relname in ('accounts_pkey', 'orders_pkey')";
        String before = query(triggered, keys);

        load(triggered);

        assertThat(query(triggered, keys)).isEqualTo(before);
        assertThat(query(triggered, "select count(*) from orders")).isEqualTo("6000");
    }

    @Test
    void aLoadThatFailsLeavesEveryIndexAndForeignKeyAsItWas() throws SQLException {
        DataSource failing = freshCopy();
        try (Connection connection = failing.getConnection();
                Statement statement = connection.createStatement()) {
            // rows pass every constraint Parity knows, then the 3000th event is refused: after the
            // drops and most rows
            statement.execute(
                    "create function refuse() returns trigger language plpgsql as "
                            + "$$ begin raise exception 'refused by a trigger'; end $$");
            statement.execute(
                    "create trigger refuse_late after insert on events for each row when (new.event_id = 3000) "
                            + "execute function refuse()");
        }
        String catalog = query(failing, CATALOG);

        assertThatThrownBy(() -> load(failing))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("refused by a trigger");

        assertThat(query(failing, CATALOG)).isEqualTo(catalog);
        assertThat(query(failing, "select count(*) from accounts")).isEqualTo("0");
    }

    /**
     * An index that is not unique is built after the commit; one whose expression raises on a row fails the load
     * there, naming the index and saying that the rows stay.
     */
    @Test
    void anIndexThatFailsAfterTheCommitIsNamedAndSaysTheRowsStay() throws SQLException {
        DataSource failing = freshCopy();
        try (Connection connection = failing.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "create function refuse_late(bigint) returns bigint immutable language plpgsql as "
                            + "$$ begin if $1 % 97 = 3 then raise exception 'refused by an index expression'; "
                            + "end if; return $1; end $$");
            statement.execute(
                    "create index orders_refused_idx on orders (refuse_late(order_id::bigint))");
        }

        assertThatThrownBy(() -> load(failing))
                .hasMessageContaining("refused by an index expression")
                .hasMessageContaining("could not build index orders_refused_idx on orders")
                .hasMessageContaining("after the load's commit: its rows are in the database");

        assertThat(query(failing, "select count(*) from orders")).isEqualTo("6000");
        assertThat(
                        query(
                                failing,
                                "select count(*) from pg_class where relname = 'orders_refused_idx'"))
                .isEqualTo("0");
        // what the transaction rebuilt is there: keys and foreign keys
        assertThat(
                        query(
                                failing,
                                "select count(*) from pg_constraint where conname = 'orders_account_fk'"))
                .isEqualTo("1");
    }

    private DataSource freshCopy() {
        return schema.freshCopy();
    }

    private static void load(DataSource dataSource) {
        DatasetLoader.load(
                POSTGRES,
                dataSource,
                List.of(
                        DatasetSpec.of("accounts", 3000),
                        DatasetSpec.of("codes", 200),
                        DatasetSpec.of("orders", 6000),
                        DatasetSpec.of("order_lines", 9000),
                        DatasetSpec.of("refunds", 500),
                        DatasetSpec.of("events", 6000),
                        DatasetSpec.of("teams", 300),
                        DatasetSpec.of("players", 3000)),
                42,
                2,
                progress -> {});
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
