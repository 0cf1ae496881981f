package dev.parity.junit;

import dev.parity.network.ToxicSpec;
import dev.parity.report.RunLog;
import dev.parity.report.RunReport;
import dev.parity.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The run's {@link RunReport}, in the root store: started by the first {@code @ProdLike} class (a run without
 * one writes none), written when the run ends to {@code parity.report.dir} ({@link Settings#REPORT_DIR}; default
 * {@code target/parity}).
 */
final class RunReports {

    private static final Namespace NAMESPACE = Namespace.create(RunReports.class);
    private static final String STARTED = "started";
    private static final String ZONE = "zone";
    private static final String LOCALE = "locale";

    private RunReports() {}

    static RunReport of(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        Written.class,
                        key -> new Written(new RunReport(), directory(context)),
                        Written.class)
                .report();
    }

    private static Path directory(ExtensionContext context) {
        return Path.of(Settings.REPORT_DIR.get(context));
    }

    /** Before the test's own {@code @BeforeEach} methods, once its zone and locale are pinned. */
    static void testStarts(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(STARTED, System.nanoTime());
        store.put(ZONE, TimeZone.getDefault().getID());
        store.put(LOCALE, Locale.getDefault().toLanguageTag());
    }

    /**
     * The test's entry, and for a failure the line that replays it, in the log too.
     *
     * @param cause the failure, or null
     */
    static void testEnded(
            ExtensionContext context,
            DefaultProdEnvironment environment,
            List<ToxicSpec> toxics,
            List<String> faults,
            List<String> fired,
            String outcome,
            Throwable cause) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Long started = store.get(STARTED, Long.class);
        String testClass = context.getRequiredTestClass().getName();
        String method = context.getRequiredTestMethod().getName();
        String replay = cause == null ? "" : replay(context, environment, testClass, method);
        of(context)
                .add(
                        new RunReport.Test(
                                testClass,
                                method,
                                environment.profile(),
                                toxics.stream().map(RunReports::toxic).toList(),
                                faults,
                                fired,
                                store.get(ZONE, String.class),
                                store.get(LOCALE, String.class),
                                outcome,
                                started == null
                                        ? Duration.ZERO
                                        : Duration.ofNanos(System.nanoTime() - started),
                                replay));
        if (cause != null) {
            context.publishReportEntry("parity.replay", replay);
            RunLog.replay(testClass + "." + method + "()", replay);
        }
    }

    /** The switches that give the test the same profile file, profile, data, and so the same toxics, zone and locale. */
    private static String replay(
            ExtensionContext context,
            DefaultProdEnvironment environment,
            String testClass,
            String method) {
        String config =
                Settings.CONFIG
                        .find(context)
                        .map(c -> "-D" + Settings.CONFIG.name() + "=" + c + " ")
                        .orElse("");
        return config
                + "-D"
                + Settings.PROFILE.name()
                + "="
                + environment.profile()
                + " -D"
                + Settings.SEED.name()
                + "="
                + environment.seed()
                + " -Dtest='"
                + testClass.substring(testClass.lastIndexOf('.') + 1)
                + "#"
                + method
                + "'";
    }

    private static String toxic(ToxicSpec spec) {
        return spec.type()
                + " "
                + spec.stream()
                + (spec.toxicity() < 1 ? " " + spec.toxicity() : "")
                + spec.attributes().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(a -> " " + a.getKey() + "=" + a.getValue())
                        .collect(Collectors.joining());
    }

    /** Writes the report when the run's root store closes. */
    private record Written(RunReport report, Path directory) implements AutoCloseable {

        @Override
        public void close() {
            Duration took = report.writeTo(directory);
            RunLog.reportWritten(directory.toAbsolutePath().toString(), took);
        }
    }
}
