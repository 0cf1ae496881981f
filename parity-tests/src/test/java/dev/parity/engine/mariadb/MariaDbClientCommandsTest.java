package dev.parity.engine.mariadb;

import static dev.parity.config.YamlSections.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.sql.ClientCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mariadb client's own commands are found with their lines and refused; DELIMITER blocks and SQL are not commands of the client. */
class MariaDbClientCommandsTest {

    private final MariaDbClientCommands client = new MariaDbClientCommands();

    @Test
    void sqlAndDelimiterBlocksAreForTheServer() {
        assertThat(
                        client.commandsIn(
                                """
                use test;
                create table status (id int);
                insert into status values (1); -- source of truth
                DELIMITER //
                create procedure p() begin select 'source'; end //
                DELIMITER ;
                help 'contents';
                """))
                .isEmpty();
    }

    @Test
    void clientCommandsWithTheirLines() {
        assertThat(
                        client.commandsIn(
                                """
                create table t (id int);
                source other.sql
                \\. more.sql
                SYSTEM ls;
                """))
                .containsExactly(
                        new ClientCommand("source", 2),
                        new ClientCommand("\\.", 3),
                        new ClientCommand("SYSTEM", 4));
    }

    @Test
    void aScriptWithOneIsRefusedNamingTheCommandAndItsLine() {
        List<Problem> problems = new ArrayList<>();
        client.check(
                "db/mariadb/client-source.sql",
                null,
                List.of(new ClientCommand("source", 3)),
                new Location("t.yml", 5),
                problems);
        assertThat(described(problems))
                .containsExactly(
                        "5: init script 'db/mariadb/client-source.sql' uses 'source' on its line 3, a command "
                                + "of the mariadb client, not of the server. Parity runs MariaDB scripts over JDBC (DELIMITER understood): put the statements "
                                + "of a sourced script in its place, or list that script under init: itself.");
    }
}
