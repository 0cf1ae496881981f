package dev.parity.engine.mariadb;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.ClientScripts;
import dev.parity.engine.ScriptFailedException;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.sql.ClientCommand;
import dev.parity.engine.sql.ScriptSplitter;
import dev.parity.engine.sql.SqlStatement;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * The MariaDB client's own commands ({@code source}, {@code \.}, {@code system}, {@code tee}, ...), which
 * the server does not know. Parity runs MariaDB scripts over JDBC, with {@code DELIMITER} understood, and
 * refuses a script with other client commands before anything starts, naming the command and its line.
 */
final class MariaDbClientCommands implements ClientScripts {

    private static final ScriptSplitter SPLITTER =
            new ScriptSplitter(ScriptSplitter.Syntax.MARIADB);

    /** Long forms count at the start of a statement; the server has no statement beginning with these words. */
    private static final Pattern COMMAND =
            Pattern.compile(
                    "(?i)(source|system|connect|tee|notee|pager|nopager|charset|warnings|nowarning"
                            + "|prompt|rehash|exit|quit|ego|print|status|edit|clear)(?=\\s|$)|\\\\[^\\s]");

    @Override
    public List<ClientCommand> commandsIn(String script) {
        return SPLITTER.split(script).stream()
                .flatMap(statement -> command(statement).stream())
                .toList();
    }

    /**
     * The client's commands end at the end of their line, without a terminator: the splitter runs them
     * and what follows into one statement, whose leading lines are then commands, each on its own line.
     */
    private static List<ClientCommand> command(SqlStatement statement) {
        List<ClientCommand> commands = new ArrayList<>();
        List<String> lines = statement.sql().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = COMMAND.matcher(lines.get(i).strip());
            if (!m.lookingAt()) {
                break;
            }
            commands.add(new ClientCommand(m.group(), statement.line() + i));
        }
        return commands;
    }

    @Override
    public void check(
            String name,
            URL source,
            List<ClientCommand> commands,
            Location at,
            List<Problem> problems) {
        ClientCommand first = commands.get(0);
        problems.add(
                new Problem(
                        at,
                        "init script '"
                                + name
                                + "' uses '"
                                + first.name()
                                + "' on its line "
                                + first.line()
                                + ", a command of the mariadb client, not of the server",
                        "Parity runs MariaDB scripts over JDBC (DELIMITER understood): put the statements of a sourced script in its place, "
                                + "or list that script under init: itself."));
    }

    /** Never reached: {@link #check} refuses every script with client commands before anything starts. */
    @Override
    public void run(String name, URL source, JdbcDatabaseContainer<?> container, DatabaseSpec spec)
            throws ScriptFailedException {
        throw new ScriptFailedException(
                name,
                0,
                "the mariadb client's commands are not run; Parity runs MariaDB scripts over JDBC",
                null,
                null);
    }
}
