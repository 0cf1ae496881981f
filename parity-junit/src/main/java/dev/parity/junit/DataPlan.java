package dev.parity.junit;

import dev.parity.data.DatasetLoader;
import dev.parity.data.DatasetSpec;
import dev.parity.data.DatasetsSection;
import dev.parity.data.LoadReport;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Capability;
import dev.parity.engine.Engine;
import dev.parity.profile.Profile;
import dev.parity.report.RunLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static final String SEED_PARAMETER = "parity.seed";

    static DataPlan of(ExtensionContext classContext, Profile profile) {
        long seed = classContext.getConfigurationParameter(SEED_PARAMETER).map(String::strip).map(DataPlan::parseSeed)
                .orElse(profile.seed().orElse(0L));
        Map<String, DatasetSpec> byTable = new LinkedHashMap<>();
        profile.datasets().forEach(spec -> byTable.put(spec.table(), spec));
        Class<?> testClass = classContext.getRequiredTestClass();
        List<Dataset> declared = EnvironmentAnnotations.repeatable(testClass, Dataset.class, classContext.getEnclosingTestClasses());
        Engine engine = profile.database().engine();
        if (!declared.isEmpty() && !engine.can(Capability.DATASETS)) {
            throw new ExtensionConfigurationException("@Dataset on " + testClass.getName() + ": the " + engine.displayName()
                    + " engine of profile '" + profile.name() + "' does not support " + Capability.DATASETS.description() + ".");
        }
        for (Dataset dataset : declared) {
            if (dataset.rows() < 0) {
                throw new ExtensionConfigurationException("@Dataset(table = \"" + dataset.table() + "\", rows = " + dataset.rows() + ") on "
                        + testClass.getName() + " asks for a negative number of rows. Ask for 0 or more.");
            }
            DatasetSpec spec = DatasetSpec.of(dataset.table(), dataset.rows())
                    .withOrigin(DatasetsSection.annotationOrigin(dataset.table(), testClass.getName()));
            byTable.put(dataset.table(), dataset.seed() >= 0 ? spec.withSeed(dataset.seed()) : spec);
        }
        return new DataPlan(seed, List.copyOf(new ArrayList<>(byTable.values())));
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("the configuration parameter " + SEED_PARAMETER + " is '" + text
                    + "', not a whole number. Give the seed printed by the failing run, e.g. -D" + SEED_PARAMETER + "=42.", e);
        }
    }

    /**
     * Loads the datasets, straight into the database (not through a proxy).
     *
     * @return whether there were any to load
     */
    boolean load(RunningDatabase database) {
        if (datasets.isEmpty()) {
            return false;
        }
        LoadReport report = DatasetLoader.load(database.engine(), database.dataSource(), datasets, seed,
                Runtime.getRuntime().availableProcessors(), RunLog::progress);
        report.followed().forEach(RunLog::parentFollowed);
        RunLog.dataLoaded(report.toString());
        return true;
    }
}
