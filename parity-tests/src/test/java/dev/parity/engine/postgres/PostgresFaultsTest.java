package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.Engines;
import dev.parity.engine.ServerFaultsContract;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.testing.NeedsDocker;
import org.junit.jupiter.api.Test;

/** PostgreSQL's faults: the server's own errors, as pgJDBC reports them (it has no vendor code: 0). */
@NeedsDocker
class PostgresFaultsTest extends ServerFaultsContract {

    @Override
    protected DatabaseSpec spec() {
        return DatabaseSpec.defaults(Engines.byId("postgres").orElseThrow());
    }

    @Override
    protected int signalledCode() {
        return 0;
    }

    @Override
    protected ServerError killed() {
        return new ServerError("57P01", 0, "terminating connection due to administrator command");
    }

    @Override
    protected String shortLockWait() {
        return "set lock_timeout = '1s'";
    }

    @Override
    protected ServerError lockWaitEnded() {
        return new ServerError("55P03", 0, "canceling statement due to lock timeout");
    }

    @Override
    protected String sleep(double seconds) {
        return "select pg_sleep(" + seconds + ")";
    }

    @Override
    protected ServerError timedOut() {
        return new ServerError("57014", 0, "canceling statement due to statement timeout");
    }

    @Override
    protected ServerError readOnlyWrite() {
        return new ServerError("25006", 0, "cannot execute INSERT in a read-only transaction");
    }

    @Override
    protected boolean readOnlyIsServerWide() {
        return false;
    }

    @Override
    protected String leftovers() {
        return "select (select count(*) from pg_trigger where tgname like 'parity\\_fault\\_%')"
                + " + (select count(*) from pg_namespace where nspname = '"
                + PostgresFaults.SCHEMA
                + "')";
    }

    @Test
    void aTableOutsideTheDefaultSchemaIsNamedWithItsSchema() throws Exception {
        try (var connection = admin()) {
            execute(
                    connection,
                    "create schema ledger",
                    "create table ledger.entries (id int primary key)",
                    "grant usage on schema ledger to public",
                    "grant all on ledger.entries to public");
        }
        faults.failWrites(database, "ledger.entries", "40001", 0, 1, 7);
        assertThat(failure(dataSource, "insert into ledger.entries values (1)").getMessage())
                .contains("write to ledger.entries on purpose");
        execute(dataSource, "insert into ledger.entries values (1)");
        assertThat(faults.writesFailed(database, "ledger.entries")).isEqualTo(1);
    }
}
