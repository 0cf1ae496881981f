package dev.parity.junit;

import dev.parity.clock.ClockPin;
import dev.parity.database.RunningDatabase;
import javax.sql.DataSource;

/** A profile's view of a (possibly shared) running database. */
record DefaultProdEnvironment(String profile, RunningDatabase database, ClockPin clock) implements ProdEnvironment {

    @Override
    public String image() {
        return database.spec().image();
    }

    @Override
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    public String username() {
        return database.username();
    }

    @Override
    public String password() {
        return database.password();
    }

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public String toString() {
        return "ProdEnvironment[profile " + profile + ", " + database + "]";
    }
}
