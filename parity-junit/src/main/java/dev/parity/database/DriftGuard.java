package dev.parity.database;

import dev.parity.engine.ServerFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Compares what a profile's {@code expect:} says production is with what the running database is: every
 * difference, each with what to set so that tests run against what production runs.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DriftGuard {

    private DriftGuard() {}

    /** Each difference as a line: the fact, production's value, this database's, where it was written, and the fix. */
    public static List<String> differences(RunningDatabase database, List<Expectation> expected) {
        List<String> differences = new ArrayList<>();
        if (expected.isEmpty()) {
            return differences;
        }
        ServerFacts facts = database.engine().facts();
        try (Connection connection = database.dataSource().getConnection()) {
            Set<String> addOns = null;
            for (Expectation fact : expected) {
                String line = fact.at().line() > 0 ? " (line " + fact.at().line() + ")" : "";
                switch (fact.fact()) {
                    case Expectation.SERVER_VERSION -> {
                        String actual = facts.version(connection);
                        if (!versionMatches(fact.value(), actual)) {
                            differences.add(
                                    "server_version: production "
                                            + fact.value()
                                            + ", here "
                                            + actual
                                            + line
                                            + ". Set database.image to "
                                            + "the image of production's version, such as "
                                            + database.engine().defaultImage().replaceAll(":.*", "")
                                            + ":"
                                            + fact.value()
                                            + ".");
                        }
                    }
                    case Expectation.ENCODING ->
                            same(
                                    fact,
                                    facts.encoding(connection),
                                    line,
                                    "database.encoding: " + fact.value(),
                                    differences);
                    case Expectation.COLLATION ->
                            same(
                                    fact,
                                    facts.collation(connection),
                                    line,
                                    "database.collation: " + fact.value(),
                                    differences);
                    case Expectation.SETTINGS -> {
                        Optional<String> actual = facts.setting(connection, fact.name());
                        if (actual.isEmpty()) {
                            differences.add(
                                    fact.path()
                                            + ": production "
                                            + fact.value()
                                            + ", but this server has no setting '"
                                            + fact.name()
                                            + "'"
                                            + line
                                            + ". Correct its name, or pin the version production runs.");
                        } else {
                            same(
                                    fact,
                                    actual.get(),
                                    line,
                                    "database.settings: {"
                                            + fact.name()
                                            + ": "
                                            + fact.value()
                                            + "}",
                                    differences);
                        }
                    }
                    default -> {
                        if (addOns == null) {
                            addOns = facts.addOns(connection);
                        }
                        if (!addOns.contains(fact.name().toLowerCase(Locale.ROOT))) {
                            differences.add(
                                    fact.fact()
                                            + ": production has "
                                            + fact.name()
                                            + ", here it is not installed"
                                            + line
                                            + ". "
                                            + (fact.fact().equals("extensions")
                                                    ? "Add \"create extension if not exists "
                                                            + fact.name()
                                                            + ";\" to an init "
                                                            + "script or migration."
                                                    : "Install it with database.settings (plugin_load_add: "
                                                            + fact.name()
                                                            + ") or an init script."));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            differences.add("the server's facts could not be read: " + e.getMessage());
        }
        return differences;
    }

    private static void same(
            Expectation fact, String actual, String line, String fix, List<String> differences) {
        if (!normalized(fact.value()).equals(normalized(actual))) {
            differences.add(
                    fact.path()
                            + ": production "
                            + fact.value()
                            + ", here "
                            + actual
                            + line
                            + ". Set "
                            + fix
                            + ".");
        }
    }

    /** Case and the spelling of UTF-8 aside: {@code utf8} is {@code UTF8}, {@code en_US.utf8} is {@code en_US.UTF-8}. */
    static String normalized(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace("utf-8", "utf8");
    }

    /** {@code 15} matches 15.8 and 15, not 150; {@code 10.11} matches 10.11.9-MariaDB. */
    static boolean versionMatches(String expected, String actual) {
        String version = actual.strip();
        return version.startsWith(expected)
                && (version.length() == expected.length()
                        || !Character.isDigit(version.charAt(expected.length())));
    }
}
