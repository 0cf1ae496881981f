package dev.parity.bench;

import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Engines;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.spec.MigrationTool;
import dev.parity.engine.spec.MigrationsSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a database's schema costs at its start, by the way it is made: the same three migrations
 * ({@code bench/migrations/<engine>/V1..V3}: three tables, a foreign key, a CHECK, a row with a
 * placeholder) run by Flyway, given as three init scripts (over JDBC), as one psql script that
 * {@code \ir}-includes them (PostgreSQL), and a Liquibase changelog of similar tables. Each variant is a
 * whole {@link Databases#start} of a fresh container; what is measured is its schema step alone
 * ({@link RunningDatabase#migrations()} plus {@link RunningDatabase#initScripts()}), and beside it the
 * whole start. The warm-up round shows what the first use of a tool in a JVM adds (its classes loaded,
 * once per test run).
 *
 * <p>Run from the repository root (Docker running, the images local):
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.MigrationCostBenchmark postgres 5
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.MigrationCostBenchmark mariadb 5
 * </pre>
 */
public final class MigrationCostBenchmark {

    private static final Map<String, String> IMAGES =
            Map.of("postgres", "postgres:15", "mariadb", "mariadb:10.11");

    private MigrationCostBenchmark() {}

    public static void main(String[] args) {
        String engine = args.length > 0 ? args[0] : "postgres";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, DatabaseSpec> variants = variants(engine);
        ClassLoader classLoader = MigrationCostBenchmark.class.getClassLoader();

        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, List<Long>> whole = new LinkedHashMap<>();
        variants.keySet()
                .forEach(
                        name -> {
                            millis.put(name, new ArrayList<>());
                            whole.put(name, new ArrayList<>());
                        });
        List<String> names = new ArrayList<>(variants.keySet());
        System.out.printf(
                "Schema cost on %s: warm-up round (first use of each tool in this JVM) ...%n",
                IMAGES.get(engine));
        for (String name : names) {
            long[] took = start(variants.get(name), classLoader);
            System.out.printf(
                    "  warm-up %-10s schema %,6d ms, whole start %,6d ms%n",
                    name, took[0], took[1]);
        }
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("Round " + round + ":");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size()); // each round in another order
                long[] took = start(variants.get(name), classLoader);
                millis.get(name).add(took[0]);
                whole.get(name).add(took[1]);
                line.append(String.format(" %s %,d ms (start %,d ms);", name, took[0], took[1]));
            }
            System.out.println(line);
        }
        System.out.printf(
                "Medians of %d rounds: the schema step, min-max, and the whole start:%n", rounds);
        millis.forEach(
                (name, values) ->
                        System.out.printf(
                                "  %-10s %,6d ms (%,d-%,d)  start %,6d ms%n",
                                name,
                                Medians.of(values),
                                Medians.min(values),
                                Medians.max(values),
                                Medians.of(whole.get(name))));
    }

    private static Map<String, DatabaseSpec> variants(String engine) {
        DatabaseSpec bare =
                DatabaseSpec.defaults(Engines.byId(engine).orElseThrow())
                        .withImage(IMAGES.get(engine));
        String dir = "bench/migrations/" + engine;
        Map<String, DatabaseSpec> variants = new LinkedHashMap<>();
        variants.put("bare", bare);
        variants.put(
                "flyway",
                bare.withMigrations(
                        new MigrationsSpec(
                                MigrationTool.FLYWAY,
                                List.of("classpath:" + dir),
                                Map.of("schema_owner", "app"),
                                null)));
        variants.put(
                "init",
                bare.withInit(
                        List.of(
                                dir + "/V1__customers.sql",
                                dir + "/V2__orders.sql",
                                dir + "/V3__settings.sql")));
        if (engine.equals("postgres")) {
            variants.put("psql", bare.withInit(List.of("bench/migrations/postgres-psql.sql")));
        }
        variants.put(
                "liquibase",
                bare.withMigrations(
                        new MigrationsSpec(
                                MigrationTool.LIQUIBASE,
                                List.of("classpath:bench/migrations/changelog.xml"),
                                Map.of("schema_owner", "app"),
                                null)));
        return variants;
    }

    /** The schema step's and the whole start's milliseconds. */
    private static long[] start(DatabaseSpec spec, ClassLoader classLoader) {
        try (RunningDatabase database =
                Databases.start(spec, classLoader, "parity-bench-migrations")) {
            return new long[] {
                database.migrations().plus(database.initScripts()).toMillis(),
                database.startup().toMillis()
            };
        }
    }
}
