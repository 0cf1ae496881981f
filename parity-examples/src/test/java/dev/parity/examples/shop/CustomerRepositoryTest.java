package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.junit.ProdLike;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@ProdLike
class CustomerRepositoryTest {

    private final CustomerRepository customers;

    CustomerRepositoryTest(DataSource dataSource) {
        this.customers = new CustomerRepository(dataSource);
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
                .hasMessageContaining("duplicate key value violates unique constraint \"customers_email_key\"");
    }

    @Test
    void countryCodesAreFixedWidthAsInProduction() {
        String email = uniqueEmail();
        customers.create(email, "Short Code", "B");

        // char(2) pads: a value an in-memory stand-in would hand back unchanged
        assertThat(customers.findByEmail(email)).get().extracting(Customer::country).isEqualTo("B ");
    }
}
