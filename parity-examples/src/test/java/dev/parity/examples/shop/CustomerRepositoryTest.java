package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerRepositoryTest {

    @Nested
    @PostgresProduction
    @DisplayName("CustomerRepository on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {
        OnPostgres(DataSource dataSource) {
            super(
                    dataSource,
                    email ->
                            "duplicate key value violates unique constraint \"customers_email_key\"",
                    "B ");
        }
    }

    /** MariaDB words a duplicate its own way, and hands CHAR values back without their padding. */
    @Nested
    @MariaDbProduction
    @DisplayName("CustomerRepository on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {
        OnMariaDb(DataSource dataSource) {
            super(
                    dataSource,
                    email -> "Duplicate entry '" + email + "' for key 'customers_email_key'",
                    "B");
        }
    }

    /** Written once, run on each engine, with what each engine says where they differ. */
    abstract static class Suite {

        private final CustomerRepository customers;
        private final UnaryOperator<String> duplicateMessage;
        private final String shortCountry;

        /**
         * @param duplicateMessage what the database says about a second customer with an e-mail
         * @param shortCountry     how the database hands back "B" stored in a char(2)
         */
        Suite(DataSource dataSource, UnaryOperator<String> duplicateMessage, String shortCountry) {
            this.customers = new CustomerRepository(dataSource);
            this.duplicateMessage = duplicateMessage;
            this.shortCountry = shortCountry;
        }

        private static String uniqueEmail() {
            return "c-" + UUID.randomUUID() + "@example.com";
        }

        @Test
        void findsACustomerByEmail() {
            String email = uniqueEmail();
            Customer created = customers.create(email, "Grace Hopper", "US");

            assertThat(customers.findByEmail(email)).contains(created);
            assertThat(customers.findByEmail(uniqueEmail())).isEmpty();
        }

        @Test
        void theDatabaseRefusesASecondCustomerWithTheSameEmail() {
            String email = uniqueEmail();
            customers.create(email, "First", "DE");

            assertThatThrownBy(() -> customers.create(email, "Second", "DE"))
                    .isInstanceOf(ShopException.class)
                    .hasMessageContaining(duplicateMessage.apply(email));
        }

        @Test
        void emailsAreUniqueExactlyAsWritten() {
            String email = uniqueEmail();
            customers.create(email, "Lower", "DE");

            // as on PostgreSQL: MariaDB's default collation would call these the same and refuse
            // the second
            assertThat(customers.create(email.toUpperCase(Locale.ROOT), "Upper", "DE").id())
                    .isPositive();
            assertThat(customers.findByEmail(email.toUpperCase(Locale.ROOT)))
                    .get()
                    .extracting(Customer::fullName)
                    .isEqualTo("Upper");
        }

        @Test
        void countryCodesAreFixedWidthAsInProduction() {
            String email = uniqueEmail();
            customers.create(email, "Short Code", "B");

            // char(2) pads on PostgreSQL: a value an in-memory stand-in would hand back unchanged
            assertThat(customers.findByEmail(email))
                    .get()
                    .extracting(Customer::country)
                    .isEqualTo(shortCountry);
        }
    }
}
