package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findRepeatableAnnotations;

import dev.parity.database.DatabaseFaultSpec;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The database faults a class or method declares with {@link DatabaseFault}, validated. */
final class DeclaredDatabaseFaults {

    private DeclaredDatabaseFaults() {
    }

    static List<DatabaseFaultSpec> on(AnnotatedElement element) {
        List<DatabaseFaultSpec> faults = new ArrayList<>();
        for (DatabaseFault fault : findRepeatableAnnotations(element, DatabaseFault.class)) {
            DatabaseFaultSpec spec = new DatabaseFaultSpec(fault.failWrites().strip(), fault.sqlState(), fault.probability(), fault.count(),
                    fault.statementTimeoutMillis(), fault.connectionLimit(), fault.readOnly());
            List<String> problems = spec.problems();
            if (!problems.isEmpty()) {
                throw new ExtensionConfigurationException("@DatabaseFault on " + element + ": " + String.join("; ", problems) + ".");
            }
            faults.add(spec);
        }
        return faults;
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
