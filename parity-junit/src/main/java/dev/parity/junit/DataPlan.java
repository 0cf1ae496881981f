package dev.parity.junit;

import dev.parity.data.DatasetLoader;
import dev.parity.data.DatasetSpec;
import dev.parity.data.DatasetsSection;
import dev.parity.data.LoadReport;
import dev.parity.database.DatabaseStartException;
import dev.parity.database.LockWaitReport;
import dev.parity.database.LockWatch;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Capability;
import dev.parity.engine.Engine;
import dev.parity.profile.Profile;
import dev.parity.report.RunLog;
import dev.parity.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The data a class's database is filled with: the profile's datasets with the class's {@link Dataset}s
 * laid over them (by table), and the seed ({@code parity.seed}, else the profile's, else 0). Part of the
 * environment's identity: where a dataset was declared is not, so classes declaring the same share one load.
 *
 * @param seed     the seed of the load
 * @param datasets what to load, in declaration order (the loader orders tables by foreign keys)
 */
record DataPlan(long seed, List<DatasetSpec> datasets) {

    static DataPlan of(ExtensionContext classContext, Profile profile) {
        long seed =
                SharedEnvironments.translated(
                        () -> Settings.SEED.find(classContext).orElse(profile.seed().orElse(0L)));
        Map<String, DatasetSpec> byTable = new LinkedHashMap<>();
        profile.datasets().forEach(spec -> byTable.put(spec.table(), spec));
        Class<?> testClass = classContext.getRequiredTestClass();
        List<Dataset> declared =
                EnvironmentAnnotations.repeatable(
                        testClass, Dataset.class, classContext.getEnclosingTestClasses());
        Engine engine = profile.database().engine();
        if (!declared.isEmpty() && !engine.can(Capability.DATASETS)) {
            throw new ExtensionConfigurationException(
                    "@Dataset on "
                            + testClass.getName()
                            + ": the "
                            + engine.displayName()
                            + " engine of profile '"
                            + profile.name()
                            + "' does not support "
                            + Capability.DATASETS.description()
                            + ".");
        }
        for (Dataset dataset : declared) {
            if (dataset.rows() < 0) {
                throw new ExtensionConfigurationException(
                        "@Dataset(table = \""
                                + dataset.table()
                                + "\", rows = "
                                + dataset.rows()
                                + ") on "
                                + testClass.getName()
                                + " asks for a negative number of rows. Ask for 0 or more.");
            }
            if (dataset.seed() < -1) {
                // -1 is "no seed of its own"; any other negative would be silently taken for it
                throw new ExtensionConfigurationException(
                        "@Dataset(table = \""
                                + dataset.table()
                                + "\", seed = "
                                + dataset.seed()
                                + ") on "
                                + testClass.getName()
                                + " has a negative seed, which @Dataset cannot take: -1 (the default) means the run's seed. "
                                + "Give a seed of 0 or more, or set the run's seed with -D"
                                + Settings.SEED.name()
                                + ".");
            }
            DatasetSpec spec =
                    DatasetSpec.of(dataset.table(), dataset.rows())
                            .withOrigin(
                                    DatasetsSection.annotationOrigin(
                                            dataset.table(), testClass.getName()));
            byTable.put(
                    dataset.table(), dataset.seed() >= 0 ? spec.withSeed(dataset.seed()) : spec);
        }
        return new DataPlan(seed, List.copyOf(new ArrayList<>(byTable.values())));
    }

    /**
     * Loads the datasets, straight into the database (not through a proxy); a statement of the load that waits on a
     * lock longer than {@code lockWait} is cancelled, and the load fails naming it and the sessions holding the lock.
     *
     * @return what was loaded; empty if there was nothing to load
     */
    Optional<LoadReport> load(RunningDatabase database, Duration lockWait) {
        if (datasets.isEmpty()) {
            return Optional.empty();
        }
        LoadReport report;
        LockWatch watch = LockWatch.start(database, lockWait, "dataset load");
        try {
            report =
                    DatasetLoader.load(
                            database.engine(),
                            database.dataSource(),
                            datasets,
                            seed,
                            Runtime.getRuntime().availableProcessors(),
                            RunLog::progress,
                            database::freeDisk);
        } catch (RuntimeException e) {
            watch.close();
            Optional<LockWatch.Intervention> ended = watch.intervention();
            if (ended.isPresent()) {
                throw new DatabaseStartException(
                        "the dataset load failed: a statement of it "
                                + LockWaitReport.describe(ended.get())
                                + "\nA transaction holds a lock on a table the load writes and does not end: end it where it begins (an init script or "
                                + "migration that leaves a session's transaction, or a prepared one, open) and run again; if the wait is only long, raise "
                                + Settings.LOCK_WAIT.name()
                                + " (for example -D"
                                + Settings.LOCK_WAIT.name()
                                + "=5m).",
                        e);
            }
            throw e;
        } finally {
            watch.close();
        }
        report.followed().forEach(RunLog::parentFollowed);
        RunLog.dataLoaded(report.toString());
        return Optional.of(report);
    }
}
