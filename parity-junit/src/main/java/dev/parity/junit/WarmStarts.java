package dev.parity.junit;

import dev.parity.data.DatasetSpec;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.report.RunLog;
import dev.parity.report.RunReport;
import dev.parity.settings.Settings;
import dev.parity.snapshot.Fingerprint;
import dev.parity.snapshot.SnapshotCache;
import dev.parity.snapshot.SnapshotEntry;
import dev.parity.snapshot.WarmStart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Warm starts for {@link SharedEnvironments}: before a server starts, the key of what it will hold (its spec, the
 * migrations' and scripts' bytes, its first data variant, the image's id, Parity's own code) and the snapshot saved
 * under it, if any; once the variant is loaded, saving it for the next run.
 */
final class WarmStarts {

    /** Bumped when what a snapshot holds, or how its facts read, changes. */
    private static final int FORMAT = 1;

    private static final String BASE = "base";
    private static final String SNAPSHOT = "snapshot";
    private static final String LOADED = "loadedData";
    private static final String TABLES = "tables";
    private static final String BUILT_MILLIS = "builtMillis";
    private static final String IMAGE = "image";
    private static final String PROFILE = "profile";

    private WarmStarts() {}

    /**
     * What a server's start knows of snapshots.
     *
     * @param found the snapshot to start from; empty: build from scratch (and save if {@link #saves()})
     * @param data  the data variant the snapshot holds, or will
     * @param zone  that variant's zone of its own
     * @param transfer how the snapshot reaches the container
     */
    record Plan(
            Settings.Snapshots mode,
            SnapshotCache cache,
            String key,
            ServerSnapshots engine,
            WarmStart.Image image,
            Optional<SnapshotEntry> found,
            DataPlan data,
            Optional<ZoneId> zone,
            WarmStart.Transfer transfer) {

        boolean saves() {
            return found.isEmpty()
                    && (mode == Settings.Snapshots.ON || mode == Settings.Snapshots.REBUILD);
        }

        Optional<WarmStart.From> from() {
            return found.map(entry -> new WarmStart.From(engine, entry, image, transfer));
        }

        /** Whether {@code variant} is the one the snapshot holds. */
        boolean holds(DataPlan variant, Optional<ZoneId> variantZone) {
            return found.isPresent() && data.equals(variant) && zone.equals(variantZone);
        }

        /** The same plan without its snapshot: to build from scratch, and save if the mode saves. */
        Plan cold() {
            return new Plan(
                    mode, cache, key, engine, image, Optional.empty(), data, zone, transfer);
        }
    }

    /**
     * The plan for a server of {@code spec} whose first variant is {@code data} in {@code zone}; empty where
     * snapshots are off, the engine has none, or the image is not on this machine yet (then the next run saves).
     */
    static Optional<Plan> plan(
            Function<String, Optional<String>> parameters,
            DatabaseSpec spec,
            DataPlan data,
            Optional<ZoneId> zone,
            ClassLoader classLoader) {
        Settings.Snapshots mode =
                Settings.SNAPSHOTS
                        .find(parameters)
                        .orElseGet(() -> Settings.Snapshots.byDefault(System::getenv));
        Optional<ServerSnapshots> engine = spec.engine().snapshots();
        if (mode == Settings.Snapshots.OFF || engine.isEmpty()) {
            return Optional.empty();
        }
        Optional<WarmStart.Image> image = WarmStart.inspect(spec.image());
        if (image.isEmpty()) {
            return Optional.empty();
        }
        SnapshotCache cache =
                new SnapshotCache(
                        Path.of(expandHome(Settings.SNAPSHOTS_DIR.get(parameters))),
                        Settings.SNAPSHOTS_MAX_BYTES.get(parameters));
        String key = key(spec, data, zone, classLoader, image.get().id());
        Optional<SnapshotEntry> found =
                mode == Settings.Snapshots.REBUILD ? Optional.empty() : cache.find(key);
        return Optional.of(
                new Plan(
                        mode,
                        cache,
                        key,
                        engine.get(),
                        image.get(),
                        found,
                        data,
                        zone,
                        switch (Settings.SNAPSHOTS_TRANSFER.get(parameters)) {
                            case AUTO -> WarmStart.Transfer.forThisDocker();
                            case MOUNT -> WarmStart.Transfer.MOUNT;
                            case UPLOAD -> WarmStart.Transfer.UPLOAD;
                        }));
    }

    /** Everything that decides what the server holds once its first variant is loaded, as a SHA-256 in hex. */
    static String key(
            DatabaseSpec spec,
            DataPlan data,
            Optional<ZoneId> zone,
            ClassLoader classLoader,
            String imageId) {
        Fingerprint key =
                new Fingerprint()
                        .add("format", FORMAT)
                        .addCodeOf("parity", WarmStarts.class)
                        .addCodeOf("engine", spec.engine().getClass())
                        .add("engine.id", spec.engine().id())
                        .add("image", spec.image())
                        .add("image.id", imageId)
                        .add("database", spec.name())
                        .add("username", spec.username())
                        .add("password", spec.password())
                        .add("settings", spec.settings())
                        .add("timeZone", spec.timeZone())
                        .add("storage", spec.storage())
                        .add("characters", spec.characters())
                        .add("migrations", spec.migrations());
        for (String location : spec.migrations().locations()) {
            String tree =
                    spec.migrations().tool() == dev.parity.engine.spec.MigrationTool.LIQUIBASE
                            ? parentOf(location)
                            : location;
            key.addTree("migrations.files", classLoader, tree);
        }
        for (String script : spec.init()) {
            key.addResource("init " + script, classLoader, script);
        }
        key.add("seed", data.seed());
        for (DatasetSpec dataset : data.datasets()) {
            key.add(
                    "dataset",
                    dataset.table()
                            + " rows="
                            + dataset.rows()
                            + " seed="
                            + dataset.seed()
                            + " mess="
                            + dataset.mess()
                            + " columns="
                            + dataset.columns()
                            + " followParents="
                            + dataset.followParents());
        }
        return key.add("database.zone", zone).hex();
    }

    /**
     * Saves the server {@code database} runs on, its first variant loaded, under the plan's key; a failure warns and
     * the run goes on (the next one builds again).
     *
     * @param built how long building it took, the saved start's baseline
     * @param stillAlone whether, once saved, no other variant began on the server meanwhile
     */
    static void save(
            Plan plan,
            RunningDatabase database,
            String profile,
            Duration built,
            Optional<String> base,
            Optional<String> snapshot,
            boolean loadedData,
            List<RunReport.Table> tables,
            BooleanSupplier stillAlone) {
        long started = System.nanoTime();
        Path building = plan.cache().begin(plan.key());
        try {
            String checksum = SnapshotCache.writeData(building, database::saveServer);
            if (!stillAlone.getAsBoolean()) {
                throw new IOException("other data variants began on the server while it was saved");
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put(IMAGE, database.spec().image());
            facts.put(PROFILE, profile);
            facts.put(BASE, base.orElse(""));
            facts.put(SNAPSHOT, snapshot.orElse(""));
            facts.put(LOADED, Boolean.toString(loadedData));
            facts.put(BUILT_MILLIS, Long.toString(built.toMillis()));
            facts.put(TABLES, encode(tables));
            facts.put(SnapshotEntry.CHECKSUM, checksum);
            SnapshotEntry saved =
                    plan.cache()
                            .publish(
                                    plan.key(),
                                    building,
                                    facts,
                                    plan.mode() == Settings.Snapshots.REBUILD);
            RunLog.snapshotSaved(
                    database.spec().image(),
                    profile,
                    saved.shortKey(),
                    saved.size(),
                    Duration.ofNanos(System.nanoTime() - started),
                    plan.cache().root().toString());
        } catch (IOException | RuntimeException e) {
            plan.cache().abandon(building);
            RunLog.snapshotNotSaved(database.spec().image(), profile, e.toString());
        } catch (InterruptedException e) {
            plan.cache().abandon(building);
            Thread.currentThread().interrupt();
        }
    }

    static Optional<String> base(SnapshotEntry entry) {
        return entry.fact(BASE).filter(name -> !name.isEmpty());
    }

    static Optional<String> snapshot(SnapshotEntry entry) {
        return entry.fact(SNAPSHOT).filter(name -> !name.isEmpty());
    }

    static boolean loadedData(SnapshotEntry entry) {
        return entry.fact(LOADED).map(Boolean::parseBoolean).orElse(false);
    }

    static Duration built(SnapshotEntry entry) {
        return Duration.ofMillis(entry.fact(BUILT_MILLIS).map(Long::parseLong).orElse(0L));
    }

    /** The tables as they were loaded when the snapshot was built. */
    static List<RunReport.Table> tables(SnapshotEntry entry) {
        return decode(entry.fact(TABLES).orElse(""));
    }

    /** One table a line: name, rows, millis, then each mess kind as kind=fraction; tabs between. */
    static String encode(List<RunReport.Table> tables) {
        List<String> lines = new ArrayList<>();
        for (RunReport.Table table : tables) {
            StringBuilder line =
                    new StringBuilder(table.name())
                            .append('\t')
                            .append(table.rows())
                            .append('\t')
                            .append(table.took().toMillis());
            table.mess()
                    .forEach(
                            (kind, fraction) ->
                                    line.append('\t')
                                            .append(kind)
                                            .append('=')
                                            .append(String.format(Locale.ROOT, "%.6f", fraction)));
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    static List<RunReport.Table> decode(String text) {
        List<RunReport.Table> tables = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            Map<String, Double> mess = new LinkedHashMap<>();
            for (int i = 3; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                mess.put(parts[i].substring(0, eq), Double.parseDouble(parts[i].substring(eq + 1)));
            }
            tables.add(
                    new RunReport.Table(
                            parts[0],
                            Long.parseLong(parts[1]),
                            Duration.ofMillis(Long.parseLong(parts[2])),
                            mess));
        }
        return tables;
    }

    private static String parentOf(String changelog) {
        int slash = changelog.lastIndexOf('/');
        return slash < 0 ? changelog : changelog.substring(0, slash);
    }

    private static String expandHome(String path) {
        return path.equals("~") || path.startsWith("~/")
                ? System.getProperty("user.home") + path.substring(1)
                : path;
    }
}
