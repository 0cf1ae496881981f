package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findRepeatableAnnotations;

import dev.parity.database.DatabaseFaultSpec;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The database faults a class or method declares with {@link DatabaseFault}, validated. */
final class DeclaredDatabaseFaults {

    private DeclaredDatabaseFaults() {}

    static List<DatabaseFaultSpec> on(AnnotatedElement element) {
        List<DatabaseFaultSpec> faults = new ArrayList<>();
        for (DatabaseFault fault : findRepeatableAnnotations(element, DatabaseFault.class)) {
            DatabaseFaultSpec spec = spec(fault);
            List<String> problems = problems(fault);
            if (problems.isEmpty()) {
                problems = spec.problems();
            }
            if (!problems.isEmpty()) {
                throw new ExtensionConfigurationException(
                        "@DatabaseFault on " + element + ": " + String.join("; ", problems) + ".");
            }
            faults.add(spec);
        }
        return faults;
    }

    /** The fault as profiles declare it too: the annotation's "declares nothing" defaults become the spec's negatives. */
    private static DatabaseFaultSpec spec(DatabaseFault fault) {
        return new DatabaseFaultSpec(
                fault.failWrites().strip(),
                fault.sqlState(),
                fault.probability(),
                fault.count() == Integer.MAX_VALUE ? -1 : fault.count(),
                fault.statementTimeoutMillis() == 0 ? -1 : fault.statementTimeoutMillis(),
                fault.connectionLimit() == Integer.MAX_VALUE ? -1 : fault.connectionLimit(),
                fault.readOnly());
    }

    /** What is wrong with the annotation as written, in its own attribute names; empty if nothing. */
    static List<String> problems(DatabaseFault fault) {
        List<String> declared = new ArrayList<>();
        if (!fault.failWrites().isBlank()) {
            declared.add("failWrites = \"" + fault.failWrites() + "\"");
        }
        if (fault.statementTimeoutMillis() != 0) {
            declared.add("statementTimeoutMillis = " + fault.statementTimeoutMillis());
        }
        if (fault.connectionLimit() != Integer.MAX_VALUE) {
            declared.add("connectionLimit = " + fault.connectionLimit());
        }
        if (fault.readOnly()) {
            declared.add("readOnly = true");
        }
        List<String> problems = new ArrayList<>();
        if (declared.size() != 1) {
            problems.add(
                    "it declares "
                            + (declared.isEmpty()
                                    ? "no fault"
                                    : "several faults (" + String.join(", ", declared) + ")")
                            + ", and each @DatabaseFault declares one: failWrites = \"table\", statementTimeoutMillis = 1 or more, connectionLimit = 0 or "
                            + "more, or readOnly = true. "
                            + (declared.isEmpty()
                                    ? "Give one of them"
                                    : "Declare each in a @DatabaseFault of its own"));
            return problems;
        }
        boolean probabilityGiven = fault.probability() != 1.0;
        boolean countGiven = fault.count() != Integer.MAX_VALUE;
        if (fault.failWrites().isBlank()) {
            List<String> failWritesOnly = new ArrayList<>();
            if (!fault.sqlState().equals("40001")) {
                failWritesOnly.add("sqlState");
            }
            if (probabilityGiven) {
                failWritesOnly.add("probability");
            }
            if (countGiven) {
                failWritesOnly.add("count");
            }
            if (!failWritesOnly.isEmpty()) {
                problems.add(
                        String.join(" and ", failWritesOnly)
                                + " describe failing writes, and this one declares "
                                + declared.get(0)
                                + ". Remove "
                                + (failWritesOnly.size() == 1 ? "it" : "them")
                                + ", or declare the failing writes in a @DatabaseFault(failWrites = "
                                + "\"table\", ...) of its own");
            }
        } else if (probabilityGiven && countGiven) {
            problems.add(
                    "it gives both probability = "
                            + fault.probability()
                            + " and count = "
                            + fault.count()
                            + ": the writes that fail are either a share of all of them or the next few. Give one of the two");
        } else if (countGiven && fault.count() < 1) {
            problems.add(
                    "count = "
                            + fault.count()
                            + " fails no write. Give the number of writes that fail, 1 or more (e.g. count = 3), "
                            + "or leave count out for every write");
        }
        if (fault.statementTimeoutMillis() < 0) {
            problems.add(
                    "statementTimeoutMillis = "
                            + fault.statementTimeoutMillis()
                            + " is negative. Give the milliseconds after which a "
                            + "statement is cancelled, 1 or more (e.g. 500)");
        }
        if (fault.connectionLimit() < 0) {
            problems.add(
                    "connectionLimit = "
                            + fault.connectionLimit()
                            + " is negative. Give the number of sessions the database admits, 0 "
                            + "or more (e.g. 5)");
        }
        return problems;
    }

    /** Applies {@code faults} through the test's {@link Faults}, so that its report counts them and its restore undoes them. */
    static void apply(List<DatabaseFaultSpec> faults, Faults to) {
        for (DatabaseFaultSpec fault : faults) {
            if (!fault.failWrites().isEmpty()) {
                if (fault.count() >= 0) {
                    to.failWrites(fault.failWrites(), fault.sqlState(), (int) fault.count());
                } else {
                    to.failWrites(fault.failWrites(), fault.sqlState(), fault.probability());
                }
            } else if (fault.statementTimeoutMillis() >= 0) {
                to.statementTimeout(java.time.Duration.ofMillis(fault.statementTimeoutMillis()));
            } else if (fault.connectionLimit() >= 0) {
                to.connectionLimit(fault.connectionLimit());
            } else {
                to.readOnly();
            }
        }
    }
}
