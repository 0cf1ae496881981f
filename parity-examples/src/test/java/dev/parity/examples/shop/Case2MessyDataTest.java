package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Production's names: missing ones, quotes, commas and line breaks pasted from other systems, emoji,
 * right-to-left scripts, and the same name typed with and without accents and capitals.
 */
@DisplayName(
        "Case 2 · messy data: CSV export and name search (datasets mess: nulls, unicode, duplicates + nasty names)")
class Case2MessyDataTest {

    private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);

    @Nested
    @PostgresProduction
    @DisplayName("Case 2 · messy data on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {
        OnPostgres() {
            super(NaiveCustomerSearch.ON_POSTGRES);
        }

        @Test
        @DisplayName("naive twin: a case- and accent-sensitive LIKE finds one variant of a name")
        void theNaiveSearchMissesVariants(DataSource dataSource) {
            NaiveCustomerSearch naive = naiveSearch(dataSource);

            assertThat(naive.byName("jose muller " + TOKEN)).isEmpty();
            assertThat(naive.byName("José Müller " + TOKEN))
                    .containsExactly("José Müller " + TOKEN);
        }
    }

    /**
     * MariaDB's default collation already ignores case and accents, so the naive search finds every variant
     * here; what it gets wrong instead is emoji, which is why schema-mariadb.sql names the name's collation.
     */
    @Nested
    @MariaDbProduction
    @DisplayName("Case 2 · messy data on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {
        OnMariaDb() {
            super(NaiveCustomerSearch.ON_MARIADB);
        }

        @Test
        @DisplayName(
                "naive twin: under the server's default collation (utf8mb4_general_ci) '🙈' finds '😀': every emoji weighs the same")
        void theNaiveSearchConfusesEmoji(DataSource dataSource) {
            assertThat(naiveSearch(dataSource).byName("🙈 عالم " + TOKEN))
                    .containsExactly("שלום 😀 عالم " + TOKEN);
        }
    }

    /** Written once, run on each engine; the class lifecycle keeps each engine's nasty customers apart. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        private final String naiveCondition;
        private long firstNasty;
        private long afterNasty;

        Suite(String naiveCondition) {
            this.naiveCondition = naiveCondition;
        }

        NaiveCustomerSearch naiveSearch(DataSource dataSource) {
            return new NaiveCustomerSearch(dataSource, naiveCondition);
        }

        @BeforeAll
        void customersWithNastyNames(DataSource dataSource) {
            CustomerRepository customers = new CustomerRepository(dataSource);
            List<String> names =
                    Arrays.asList(
                            "José Müller " + TOKEN,
                            "JOSE MULLER " + TOKEN,
                            "josé müller " + TOKEN,
                            "O'Brien, \"Bob\"\n2nd line " + TOKEN,
                            "שלום 😀 عالم " + TOKEN,
                            "  padded " + TOKEN + "  ",
                            "100% " + TOKEN,
                            null);
            firstNasty = Long.MAX_VALUE;
            for (String name : names) {
                long id =
                        customers
                                .create("nasty-" + UUID.randomUUID() + "@example.com", name, "TR")
                                .id();
                firstNasty = Math.min(firstNasty, id);
                afterNasty = id + 1;
            }
        }

        /** The customers with ids in [from, to) as the database has them, a row of four fields each. */
        private static List<List<String>> rows(DataSource dataSource, long from, long to)
                throws SQLException {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("id", "email", "full_name", "country"));
            try (Connection connection = dataSource.getConnection();
                    ResultSet result =
                            connection
                                    .createStatement()
                                    .executeQuery(
                                            "select id, email, full_name, country from customers where id >= "
                                                    + from
                                                    + " and id < "
                                                    + to
                                                    + " order by id")) {
                while (result.next()) {
                    rows.add(
                            Arrays.asList(
                                    result.getString(1),
                                    result.getString(2),
                                    result.getString(3),
                                    result.getString(4)));
                }
            }
            return rows;
        }

        @Test
        @DisplayName("guarded: RFC 4180 CSV reads back exactly, loaded mess and nasty names alike")
        void theExportReadsBackExactly(DataSource dataSource) throws SQLException {
            CustomerCsvExport export = new CustomerCsvExport(dataSource);
            for (long[] range : new long[][] {{1, 20_001}, {firstNasty, afterNasty}}) {
                StringWriter csv = new StringWriter();
                export.export(range[0], range[1], csv);
                assertThat(Rfc4180.parse(csv.toString()))
                        .isEqualTo(rows(dataSource, range[0], range[1]));
            }
        }

        @Test
        @DisplayName(
                "naive twin: joining fields with commas breaks on a comma, a quote, a line break or a missing name")
        void theNaiveExportDoesNotReadBack(DataSource dataSource) throws SQLException {
            String csv = new NaiveCsvExport(dataSource).export(firstNasty, afterNasty);
            assertThat(Rfc4180.parseLeniently(csv))
                    .isNotEqualTo(rows(dataSource, firstNasty, afterNasty));
            assertThat(csv).contains(",null,");
        }

        @Test
        @DisplayName(
                "guarded: the search ignores case and accents, tells emoji apart, takes % literally and skips missing names")
        void theSearchFindsEveryVariant(DataSource dataSource) {
            CustomerSearch search = new CustomerSearch(dataSource);

            assertThat(search.byName("jose muller " + TOKEN, 10))
                    .extracting(Customer::fullName)
                    .containsExactlyInAnyOrder(
                            "José Müller " + TOKEN, "JOSE MULLER " + TOKEN, "josé müller " + TOKEN);
            assertThat(search.byName("😀 عالم " + TOKEN, 10))
                    .extracting(Customer::fullName)
                    .containsExactly("שלום 😀 عالم " + TOKEN);
            assertThat(search.byName("🙈 عالم " + TOKEN, 10)).isEmpty();
            assertThat(search.byName("100% " + TOKEN, 10))
                    .extracting(Customer::fullName)
                    .containsExactly("100% " + TOKEN);
            assertThat(search.byName("%", 5))
                    .allSatisfy(c -> assertThat(c.fullName()).contains("%"));
        }

        @Test
        @DisplayName("naive twin: a '%' the user typed matches everybody")
        void theNaiveSearchTakesPercentForAWildcard(DataSource dataSource) {
            assertThat(naiveSearch(dataSource).byName("%"))
                    .hasSize(10)
                    .anySatisfy(name -> assertThat(name).doesNotContain("%"));
        }
    }
}
