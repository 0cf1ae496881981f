package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A test's fault bookkeeping and the database side's checks, without a server: a fault that is refused changes
 * nothing and is not booked, and a side with nothing switched on restores, reports and closes without asking one.
 */
class FaultBookTest {

    private final FaultBook book = new FaultBook();

    /** A database side on a database the test shares with others (no server behind it: none of this may reach one). */
    private DatabaseFaults onSharedDatabase(int classesOnServer) {
        DatabaseFaults database =
                new DatabaseFaults(
                        new DatabaseFaults.TestDatabase(
                                null,
                                "shop",
                                false,
                                42,
                                () -> classesOnServer,
                                "OrderTest.placesAnOrder()"),
                        null,
                        book);
        book.track(database);
        return database;
    }

    @Test
    void aFaultThatWouldChangeASharedDatabaseIsRefusedSayingWhatToUseAndIsNotBooked() {
        DatabaseFaults database = onSharedDatabase(1);

        assertThatThrownBy(database::killSessions)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "killSessions() changes the test's database, and OrderTest.placesAnOrder() shares its database with every other "
                                + "test of the class and every class of the profile. Annotate the test (or its class) with @FreshDatabase: it gets a "
                                + "database of its own, which killSessions() may change.");
        assertThatThrownBy(() -> database.lock("orders", Duration.ofSeconds(1)))
                .hasMessageStartingWith("lock() changes the test's database");
        assertThat(book.applied()).isEmpty();
    }

    @Test
    void argumentsOutOfRangeAreRefusedBeforeTheDatabaseIsAsked() {
        DatabaseFaults database = onSharedDatabase(1);

        assertThatThrownBy(() -> database.failWrites("orders", "40001", 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "failWrites(\"orders\", \"40001\", 1.5): the probability is a share of the writes, from 0 to 1, for example 0.3");
        assertThatThrownBy(() -> database.failWrites("orders", "40001", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "failWrites(\"orders\", \"40001\", -1): the count of writes to fail is 0 or more");
        assertThatThrownBy(() -> database.connectionLimit(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "connectionLimit(-2): the number of sessions the database admits is 0 or more");
        assertThat(book.applied()).isEmpty();
    }

    @Test
    void aFailoverIsRefusedWhileOtherClassesUseTheServer() {
        DatabaseFaults database = onSharedDatabase(3);

        assertThatThrownBy(() -> database.failover(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "failover() restarts the database server, and 3 classes use it now: it would fail their tests too.");
        assertThat(book.applied()).isEmpty();
    }

    @Test
    void withNothingSwitchedOnTheBookRestoresReportsAndClosesWithoutAServer() {
        DatabaseFaults database = onSharedDatabase(1);

        book.restore();
        assertThat(book.fired()).isEmpty();
        assertThat(database.report()).isEqualTo(new FaultReport(Map.of(), 0, Map.of(), 0, 0));
        book.close();
    }

    @Test
    void theBookKeepsTheFaultsAsCalledInOrderAndHandsOutCopies() {
        book.applied("latency(200 ms)");
        book.applied("killSessions()");

        assertThat(book.applied()).containsExactly("latency(200 ms)", "killSessions()");
        assertThatThrownBy(() -> book.applied().add("cut()"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
