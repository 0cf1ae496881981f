package dev.parity.junit;

import dev.parity.database.DatabaseFaultSpec;
import dev.parity.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Before every test, the profile's, the class's and the method's database faults ({@link DatabaseFault}) on the
 * test's own database; right after it, what they and the test's {@link Faults} calls switched on, and how often
 * each fired, for the run report.
 */
final class DatabaseFaultsExtension implements BeforeEachCallback, AfterTestExecutionCallback {

    private static final Namespace NAMESPACE = Namespace.create(DatabaseFaultsExtension.class);
    private static final String DECLARED = "declared";

    @Override
    public void beforeEach(ExtensionContext context) {
        EnvironmentExtension.requireOnClass(context);
        ExtensionContext classContext = EnvironmentExtension.classContextOf(context);
        Profile profile = SharedEnvironments.profileFor(classContext);
        List<DatabaseFaultSpec> faults = new ArrayList<>(profile.databaseFaults());
        faults.addAll(DeclaredDatabaseFaults.on(classContext.getRequiredTestClass()));
        faults.addAll(DeclaredDatabaseFaults.on(context.getRequiredTestMethod()));
        context.getStore(NAMESPACE).put(DECLARED, faults);
        if (faults.isEmpty()) {
            return;
        }
        if (FreshDatabaseExtension.forTest(context).isEmpty()) {
            throw new ExtensionConfigurationException(
                    "the database faults "
                            + faults
                            + " (of profile '"
                            + profile.name()
                            + "' or @DatabaseFault) change the test's database, and "
                            + context.getRequiredTestClass().getName()
                            + "."
                            + context.getRequiredTestMethod().getName()
                            + "() shares its database with other tests. Annotate the test (or its class) "
                            + "with @FreshDatabase, which gives it a database of its own.");
        }
        DeclaredDatabaseFaults.apply(faults, TestFaultsScope.of(context));
    }

    /**
     * Read right after the test method, while its database is there (a fresh copy is dropped after the test, before
     * the {@code @AfterEach} callbacks of extensions registered earlier).
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        Optional<TestFaults> faults = TestFaultsScope.existing(context);
        if (faults.isEmpty()) {
            return;
        }
        List<String> fired;
        try {
            fired = faults.get().fired();
        } catch (RuntimeException e) {
            // the test may have left its server unable to answer: the report says so, the test's
            // outcome stands
            fired = List.of("not counted: " + e.getMessage());
        }
        context.getStore(NAMESPACE).put(Used.class, new Used(faults.get().applied(), fired));
    }

    /** What the test switched on and how often each fired; the declared ones alone if it made no faults. */
    @SuppressWarnings("unchecked")
    static Used usedBy(ExtensionContext context) {
        Used used = context.getStore(NAMESPACE).get(Used.class, Used.class);
        if (used != null) {
            return used;
        }
        List<DatabaseFaultSpec> declared =
                context.getStore(NAMESPACE).getOrDefault(DECLARED, List.class, List.of());
        return new Used(declared.stream().map(String::valueOf).toList(), List.of());
    }

    /** What {@link #afterTestExecution} read. */
    record Used(List<String> applied, List<String> fired) {}
}
