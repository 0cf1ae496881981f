package dev.parity.junit;

/**
 * What Parity's own integration tests need to say differently per engine; everything else in a suite is
 * written once and runs on both.
 */
enum TestEngine {
    POSTGRES(
            "default",
            "show server_version",
            "show max_connections",
            "generate_series(1, %d)",
            "select extract(epoch from pg_postmaster_start_time())::text",
            "select current_setting('TimeZone')",
            // what a session that sends no zone gets here (psql's): the database's, else the
            // server's
            "select coalesce((select substr(c, 10) from pg_db_role_setting s, unnest(s.setconfig) c"
                    + " where s.setrole = 0 and c ilike 'timezone=%' and s.setdatabase ="
                    + " (select oid from pg_database where datname = current_database())),"
                    + " current_setting('log_timezone'))",
            "select current_date::text",
            "postgres:15"),
    MARIADB(
            "mariadb",
            "select version()",
            "select @@max_connections",
            "seq_1_to_%d",
            "select @@hostname",
            "select @@session.time_zone",
            "select @@global.time_zone",
            "select cast(curdate() as char)",
            "mariadb:10.11");

    /** The profile of parity.yml that runs this engine. */
    final String profile;

    final String serverVersion;
    final String maxConnections;
    private final String rows;

    /** Something that differs between two servers and stays for one. */
    final String serverIdentity;

    final String sessionZone;

    /** The zone a session that sets none gets (the engine's shell, another service): the database's, else the server's. */
    final String serverZone;

    final String currentDate;

    /** The image of its main profile. */
    final String image;

    TestEngine(
            String profile,
            String serverVersion,
            String maxConnections,
            String rows,
            String serverIdentity,
            String sessionZone,
            String serverZone,
            String currentDate,
            String image) {
        this.profile = profile;
        this.serverVersion = serverVersion;
        this.maxConnections = maxConnections;
        this.rows = rows;
        this.serverIdentity = serverIdentity;
        this.sessionZone = sessionZone;
        this.serverZone = serverZone;
        this.currentDate = currentDate;
        this.image = image;
    }

    /** A profile file of the tests for this engine: {@code profiles/x.yml}, or {@code profiles/x-mariadb.yml}. */
    String file(String name) {
        return "profiles/" + name + (this == MARIADB ? "-mariadb" : "") + ".yml";
    }

    /** The profile YAML's database section for this engine, for files written by a test. */
    String databaseYaml() {
        return "    database:\n"
                + (this == MARIADB ? "      engine: mariadb\n" : "")
                + "      image: "
                + image
                + "\n";
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
