package dev.parity.junit;

/**
 * What Parity's own integration tests need to say differently per engine; everything else in a suite is
 * written once and runs on both.
 */
enum TestEngine {

    POSTGRES("default", "show server_version", "show max_connections", "generate_series(1, %d)",
            "select extract(epoch from pg_postmaster_start_time())::text"),
    MARIADB("mariadb", "select version()", "select @@max_connections", "seq_1_to_%d",
            "select @@hostname");

    /** The profile of parity.yml that runs this engine. */
    final String profile;
    final String serverVersion;
    final String maxConnections;
    private final String rows;
    /** Something that differs between two servers and stays for one. */
    final String serverIdentity;

    TestEngine(String profile, String serverVersion, String maxConnections, String rows, String serverIdentity) {
        this.profile = profile;
        this.serverVersion = serverVersion;
        this.maxConnections = maxConnections;
        this.rows = rows;
        this.serverIdentity = serverIdentity;
    }

    static TestEngine of(ProdEnvironment environment) {
        return environment.engine().equals("mariadb") ? MARIADB : POSTGRES;
    }

    /** A table expression of {@code n} rows, for {@code select ... from <it>}. */
    String rows(int n) {
        return String.format(rows, n);
    }

    /** About 400 KB of rows: 1000 of 400 bytes. */
    String largeResult() {
        return "select repeat('x', 400) from " + rows(1000);
    }
}
