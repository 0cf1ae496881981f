package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.network.ProxyEndpoint;
import dev.parity.network.ToxicSpec;
import java.util.List;
import javax.sql.DataSource;

/** A class's view of a (possibly shared) running database, through the class's own proxy. */
record DefaultProdEnvironment(String profile, RunningDatabase database, ProxyEndpoint proxy, List<ToxicSpec> classToxics,
                              DataSource dataSource, long seed, FreshCopies copies) implements ProdEnvironment {

    DefaultProdEnvironment {
        classToxics = List.copyOf(classToxics);
    }

    @Override
    public DataSource freshCopy() {
        return copies.next(proxy.host(), proxy.port());
    }

    @Override
    public String engine() {
        return database.engine().id();
    }

    @Override
    public String image() {
        return database.spec().image();
    }

    @Override
    public String jdbcUrl() {
        return RunningDatabase.via(database.jdbcUrl(), proxy.host(), proxy.port());
    }

    @Override
    public String directJdbcUrl() {
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
    public String toString() {
        return "ProdEnvironment[profile " + profile + ", " + database + "]";
    }
}
