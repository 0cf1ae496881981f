package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.network.ProxyEndpoint;
import dev.parity.network.ToxicSpec;
import java.util.List;
import javax.sql.DataSource;

/**
 * A class's view of a (possibly shared) running database, through the class's own proxy; or, for a
 * {@link FreshDatabase} test, of that test's copy ({@code directUrl} then names the copy).
 */
record DefaultProdEnvironment(
        String profile,
        RunningDatabase database,
        ProxyEndpoint proxy,
        List<ToxicSpec> classToxics,
        DataSource dataSource,
        long seed,
        FreshCopies copies,
        String directUrl)
        implements ProdEnvironment {

    DefaultProdEnvironment {
        classToxics = List.copyOf(classToxics);
    }

    /** The same view of the copy at {@code copyUrl} (straight to the server): still through the class's proxy. */
    DefaultProdEnvironment onCopy(String copyUrl) {
        return new DefaultProdEnvironment(
                profile,
                database,
                proxy,
                classToxics,
                database.dataSource(RunningDatabase.via(copyUrl, proxy.host(), proxy.port())),
                seed,
                copies,
                copyUrl);
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
        return RunningDatabase.via(directUrl, proxy.host(), proxy.port());
    }

    @Override
    public String directJdbcUrl() {
        return directUrl;
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
        return "ProdEnvironment[profile "
                + profile
                + ", "
                + database.spec().image()
                + " at "
                + directUrl
                + "]";
    }
}
