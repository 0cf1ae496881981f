package dev.parity.junit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Each test's entry in the run report: when it started (registered last, so after its faults are in place), how it
 * ended, under which toxics and faults; a failed one also says how to replay it (its seed, as a report entry).
 */
final class RunReportExtension implements BeforeEachCallback, TestWatcher {

    @Override
    public void beforeEach(ExtensionContext context) {
        RunReports.testStarts(context);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        reported(context, "successful", null);
    }

    /** A failed test says how to replay it: its profile and the seed its data came from. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        EnvironmentExtension.opened(context)
                .filter(seen -> seen.copies().hasLoadedData())
                .ifPresent(
                        seen ->
                                context.publishReportEntry(
                                        "parity.seed", String.valueOf(seen.seed())));
        reported(context, "failed", cause);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        reported(context, "aborted", null);
    }

    /** None for a test whose class never got its environment. */
    private static void reported(ExtensionContext context, String outcome, Throwable cause) {
        EnvironmentExtension.opened(context)
                .ifPresent(
                        seen -> {
                            DatabaseFaultsExtension.Used used =
                                    DatabaseFaultsExtension.usedBy(context);
                            RunReports.testEnded(
                                    context,
                                    seen,
                                    NetworkFaultsExtension.toxicsOf(context, seen),
                                    used.applied(),
                                    used.fired(),
                                    outcome,
                                    cause);
                        });
    }
}
