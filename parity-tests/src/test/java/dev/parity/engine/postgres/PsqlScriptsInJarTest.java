package dev.parity.engine.postgres;

import static dev.parity.config.YamlSections.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.sql.ClientCommand;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** psql runs a script in a jar from a copy of the script alone: one that reads files beside it is refused before anything starts. */
class PsqlScriptsInJarTest {

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void aScriptInAJarThatReadsFilesBesideItIsRefused() throws Exception {
        URL inJar = new URL("jar:file:/repo/lib/schema.jar!/db/main.sql");
        new PsqlScripts()
                .check(
                        "db/main.sql",
                        inJar,
                        List.of(new ClientCommand("\\set", 1), new ClientCommand("\\ir", 4)),
                        new Location("t.yml", 6),
                        problems);
        assertThat(described(problems))
                .containsExactly(
                        "6: init script 'db/main.sql' reads files beside it (\\ir on its line 4), but it is in "
                                + "jar file:/repo/lib/schema.jar, where psql cannot reach them. Keep the script and its files in a directory of the test classpath "
                                + "(src/test/resources), or put their content in the script.");
    }

    @Test
    void aDumpInAJarAndAnyScriptInADirectoryAreFine() throws Exception {
        new PsqlScripts()
                .check(
                        "db/dump.sql",
                        new URL("jar:file:/repo/lib/schema.jar!/db/dump.sql"),
                        List.of(new ClientCommand("COPY ... FROM stdin", 9)),
                        new Location("t.yml", 6),
                        problems);
        new PsqlScripts()
                .check(
                        "db/main.sql",
                        new URL("file:/repo/target/test-classes/db/main.sql"),
                        List.of(new ClientCommand("\\ir", 4)),
                        new Location("t.yml", 6),
                        problems);
        assertThat(problems).isEmpty();
    }
}
