package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.parity.database.LeftoverSweep;
import dev.parity.database.ParityLabels;
import dev.parity.database.RunOwner;
import dev.parity.settings.Settings;
import dev.parity.testing.NeedsDocker;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.DockerClientFactory;

/**
 * {@code parity.keep=failed} in a run of its own (a child JVM that ends normally): the failed test's
 * database stays, alone, with its container, and the command the failure gives connects to it; the next
 * run's sweep removes it and says it was kept.
 */
@NeedsDocker
@ResourceLock(
        KeptDatabaseTest
                .SWEEPS) // a sweep removes every dead run's leftovers, which AbnormalEndTest counts
// too
class KeptDatabaseTest {

    /** Held by tests that sweep and count what a child run left. */
    static final String SWEEPS = "dev.parity.leftover-sweeps";

    private static final String COMMAND = "KEPT-COMMAND ";
    private static final String NOTE = "KEPT-NOTE ";

    @ProdLike("default")
    @FreshDatabase
    static class OneFails {

        @Test
        void passes(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                connection
                        .createStatement()
                        .executeUpdate(
                                "insert into customer (name, email) values ('Passed', 'passed@example.com')");
            }
        }

        @Test
        void fails(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                connection
                        .createStatement()
                        .executeUpdate(
                                "insert into customer (name, email) values ('Evidence', 'evidence@example.com')");
            }
            throw new AssertionError("fails on purpose");
        }
    }

    @ProdLike("mariadb")
    static class OneFailsOnMariaDb extends OneFails {}

    /** The child run: runs {@link OneFails} (on the engine of {@code args[0]}) with parity.keep=failed, prints what the failure says, and ends normally. */
    public static void main(String[] args) {
        Class<?> fixture =
                TestEngine.valueOf(args[0]) == TestEngine.MARIADB
                        ? OneFailsOnMariaDb.class
                        : OneFails.class;
        EngineExecutionResults results = Kit.run(Map.of(Settings.KEEP.name(), "failed"), fixture);
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
                .filter(pair -> pair.getKey().equals("parity.kept"))
                .forEach(pair -> System.out.println(COMMAND + pair.getValue()));
        results.testEvents().failed().stream()
                .map(
                        event ->
                                event.getRequiredPayload(TestExecutionResult.class)
                                        .getThrowable()
                                        .orElseThrow())
                .flatMap(failure -> List.of(failure.getSuppressed()).stream())
                .forEach(note -> System.out.println(NOTE + note.getMessage().replace("\n", " ")));
        System.out.flush();
        System.exit(0); // a normal end: shutdown hooks run
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void theFailedTestsDatabaseStaysAloneWithACommandThatConnectsAndTheNextRunRemovesIt(
            TestEngine engine) throws Exception {
        ChildOutput child = runChild(engine);
        assertThat(child.exit).isZero();
        List<String> commands =
                child.lines.stream()
                        .filter(line -> line.startsWith(COMMAND))
                        .map(line -> line.substring(COMMAND.length()))
                        .toList();
        assertThat(commands).as("one test failed: one database kept").hasSize(1);
        String command = commands.get(0);
        Pattern form =
                engine == TestEngine.MARIADB
                        ? Pattern.compile(
                                "mariadb --protocol=TCP -h (?<host>\\S+) -P (?<port>\\d+) -u '(?<user>[^']+)' -p'(?<password>[^']+)' '(?<database>parity_fresh_\\d+_\\d+)'")
                        : Pattern.compile(
                                "PGPASSWORD='(?<password>[^']+)' psql -h (?<host>\\S+) -p (?<port>\\d+) -U '(?<user>[^']+)' -d '(?<database>parity_fresh_\\d+_\\d+)'");
        Matcher parts = form.matcher(command);
        assertThat(parts.matches()).as(command).isTrue();
        assertThat(child.lines)
                .as("the failure says it too")
                .anySatisfy(line -> assertThat(line).startsWith(NOTE).contains(command));

        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> left = ownedBy(docker, child.pid);
        assertThat(left)
                .as("only the database's container outlives the run (Toxiproxy's stopped)")
                .hasSize(1);
        assertThat(left.get(0).getState()).isEqualTo("running");
        assertThat(left.get(0).getNames())
                .anySatisfy(name -> assertThat(name).startsWith("/parity-kept-"));

        String url =
                "jdbc:"
                        + (engine == TestEngine.MARIADB ? "mariadb" : "postgresql")
                        + "://"
                        + parts.group("host")
                        + ":"
                        + parts.group("port")
                        + "/"
                        + parts.group("database");
        String databases =
                engine == TestEngine.MARIADB
                        ? "select schema_name from information_schema.schemata where schema_name like 'parity\\\\_fresh\\\\_%'"
                        : "select datname from pg_database where datname like 'parity\\_fresh\\_%'";
        try (Connection connection =
                DriverManager.getConnection(url, parts.group("user"), parts.group("password"))) {
            assertThat(
                            rows(
                                    connection,
                                    "select name from customer where email like '%@example.com' and name in ('Evidence', 'Passed')"))
                    .as("the failed test's rows, as it left them")
                    .containsExactly("Evidence");
            assertThat(rows(connection, databases))
                    .as(
                            "exactly the failed test's database: the passing test's and the pool's are dropped")
                    .containsExactly(parts.group("database"));
        }
        Optional<String> client = onPath(engine == TestEngine.MARIADB ? "mariadb" : "psql");
        if (client.isPresent()) {
            // the command as a person pastes it
            String query =
                    engine == TestEngine.MARIADB
                            ? " -N -e \"select name from customer where email = 'evidence@example.com'\""
                            : " -tA -c \"select name from customer where email = 'evidence@example.com'\"";
            Process pasted =
                    new ProcessBuilder("bash", "-c", command + query)
                            .redirectErrorStream(true)
                            .start();
            String out =
                    new String(pasted.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .strip();
            assertThat(pasted.waitFor()).as(out).isZero();
            assertThat(out).isEqualTo("Evidence");
        }

        LeftoverSweep.Removed removed = LeftoverSweep.now();
        System.out.println(
                "Parity: removed "
                        + removed.describe()
                        + " left by a run that ended (pid "
                        + child.pid
                        + ")");
        assertThat(removed.kept()).isEqualTo(1);
        assertThat(removed.owners()).contains(child.pid);
        assertThat(removed.describe())
                .startsWith("1 container of a failed test's database kept by parity.keep=failed");
        assertThat(ownedBy(docker, child.pid)).as("the next run removed it").isEmpty();
    }

    private record ChildOutput(long pid, int exit, List<String> lines) {}

    private static ChildOutput runChild(TestEngine engine)
            throws IOException, InterruptedException {
        List<String> command =
                List.of(
                        System.getProperty("java.home")
                                + File.separator
                                + "bin"
                                + File.separator
                                + "java",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty(
                                "surefire.test.class.path", System.getProperty("java.class.path")),
                        KeptDatabaseTest.class.getName(),
                        engine.name());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("  | " + line);
                lines.add(line);
            }
        }
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child run did not end");
        }
        return new ChildOutput(process.pid(), process.exitValue(), lines);
    }

    private static List<Container> ownedBy(DockerClient docker, long pid) {
        RunOwner me = RunOwner.current();
        return docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(ParityLabels.OWNER))
                .exec()
                .stream()
                .filter(
                        container ->
                                RunOwner.parseLabel(container.getLabels().get(ParityLabels.OWNER))
                                        .filter(
                                                owner ->
                                                        owner.pid() == pid
                                                                && owner.machine()
                                                                        .equals(me.machine()))
                                        .isPresent())
                .toList();
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Optional<String> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, program);
            if (file.canExecute()) {
                return Optional.of(file.getPath());
            }
        }
        return Optional.empty();
    }
}
