package dev.parity.database;

import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** Reads a profile's {@code database-faults:}: each item one fault, every problem with its line. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DatabaseFaultsSection {

    public static final List<String> KEYS =
            List.of(
                    "fail-writes",
                    "sql-state",
                    "probability",
                    "count",
                    "statement-timeout",
                    "connection-limit",
                    "read-only");
    private static final String EXAMPLE =
            "database-faults:\n  - fail-writes: accounts\n    sql-state: \"40001\"\n    probability: 0.05";

    private DatabaseFaultsSection() {}

    public static List<DatabaseFaultSpec> read(Section profile, List<Problem> problems) {
        List<DatabaseFaultSpec> faults = new ArrayList<>();
        for (YamlNode.Mapping item : profile.mappings("database-faults", EXAMPLE)) {
            Section fault =
                    new Section(item, profile.path() + " > database-faults", KEYS, problems);
            DatabaseFaultSpec spec =
                    new DatabaseFaultSpec(
                            fault.text("fail-writes", "accounts").orElse(""),
                            fault.text("sql-state", "40001").orElse("40001"),
                            fault.number("probability", "0.05").orElse(1.0),
                            fault.integer("count", "3").orElse(-1L),
                            fault.integer("statement-timeout", "500").orElse(-1L),
                            fault.integer("connection-limit", "5")
                                    .map(n -> (int) Math.min(n, Integer.MAX_VALUE))
                                    .orElse(-1),
                            fault.bool("read-only", "true").orElse(false));
            spec.problems()
                    .forEach(
                            problem ->
                                    problems.add(
                                            new Problem(
                                                    item.location(),
                                                    "in "
                                                            + profile.path()
                                                            + " > database-faults: "
                                                            + problem,
                                                    "")));
            faults.add(spec);
        }
        return faults;
    }
}
