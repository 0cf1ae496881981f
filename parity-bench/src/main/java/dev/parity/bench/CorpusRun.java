package dev.parity.bench;

import dev.parity.data.DatasetLoader;
import dev.parity.data.LoadReport;
import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.profile.Profile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One corpus target, as a new user meets it: a profile file is written ({@link CorpusProfile}) and read by
 * Parity's own profile loader against a class loader over the entry's directory (so the schema file is an
 * init script found on "the classpath", validated as any is); the database starts through
 * {@link Databases#start}, the start every {@code @ProdLike} environment makes (container, init script split
 * into statements, or run in psql where it needs it); the profile's datasets go through
 * {@link DatasetLoader#load} with the arguments a test run's load passes. Then the rows line's tables are
 * counted and the server's own bulk load is timed ({@link ServerBulkLoad}). The database is stopped at the
 * end whatever happened.
 *
 * <p>Not started, because a load does not need them: the Toxiproxy container in front of the database, the
 * zone check (the profile pins no zone) and the snapshot for fresh copies.
 */
final class CorpusRun {

    private final CorpusTarget target;
    private final HarnessOptions options;
    private final Path corpus;
    private final Path profiles;
    private volatile String stage = "profile";

    /**
     * @param corpus   the corpus directory
     * @param profiles where to write the generated profile files
     */
    CorpusRun(CorpusTarget target, HarnessOptions options, Path corpus, Path profiles) {
        this.target = target;
        this.options = options;
        this.corpus = corpus;
        this.profiles = profiles;
    }

    /** The label the database container carries as {@code dev.parity.profile}: this run's, and this target's. */
    String label() {
        return "parity-corpus-" + target.slug() + "-" + ProcessHandle.current().pid();
    }

    /** Where it is now: profile, start, load, count, baseline, done. */
    String stage() {
        return stage;
    }

    CorpusResult run() {
        List<TableRows> rows =
                target.entry().rows().stream().map(r -> r.scaled(options.scale())).toList();
        List<String> notes = new ArrayList<>();
        Profile profile;
        try (URLClassLoader entryFiles =
                new URLClassLoader(
                        new URL[] {corpus.resolve(target.directory()).toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            try {
                profile = profile(rows, entryFiles);
            } catch (RuntimeException e) {
                return failed(rows.size(), FirstProblem.of(stage, e), notes);
            }
            stage = "start";
            // as an environment with datasets does: Datafaker's files read while Docker works
            DatasetLoader.warmUpInBackground();
            try (RunningDatabase database =
                    Databases.start(
                            profile.database(),
                            profile.databaseOrigin(),
                            entryFiles,
                            label(),
                            null,
                            null)) {
                notes.add(
                        String.format(
                                Locale.ROOT,
                                "started in %.1f s, of which the init script %.1f s",
                                database.startup().toNanos() / 1e9,
                                database.initScripts().toNanos() / 1e9));
                return loaded(database, profile, rows, notes);
            } catch (RuntimeException e) {
                return failed(rows.size(), FirstProblem.of(stage, e), notes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Profile profile(List<TableRows> rows, ClassLoader entryFiles) {
        try {
            Path file =
                    Files.createDirectories(profiles.resolve(target.slug())).resolve("parity.yml");
            Files.writeString(
                    file,
                    CorpusProfile.yaml(target, rows, options.seed(), options.baseline()),
                    StandardCharsets.UTF_8);
            ProfileSource source =
                    new ProfileSource(target.slug() + "/parity.yml", file.toUri().toURL());
            return new ProfileLoader(entryFiles)
                    .load(source)
                    .profile(CorpusProfile.NAME, "the corpus harness");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CorpusResult loaded(
            RunningDatabase database, Profile profile, List<TableRows> rows, List<String> notes) {
        ServerBulkLoad server = ServerBulkLoad.of(database);
        String baselineNote = options.baseline() ? "" : "skipped (--no-baseline)";
        if (options.baseline()) {
            try {
                server.prepare(); // before Parity's load: the copy is of the empty schema
            } catch (RuntimeException e) {
                baselineNote = "not measured: copying the empty schema failed";
                notes.add(
                        "baseline: copying the empty schema failed: "
                                + FirstProblem.of("baseline", e).full());
            }
        }
        stage = "load";
        LoadReport report = null;
        Optional<FirstProblem> problem = Optional.empty();
        long started = System.nanoTime();
        try {
            report =
                    DatasetLoader.load(
                            database.engine(),
                            database.dataSource(),
                            profile.datasets(),
                            profile.seed().orElse(0L),
                            options.threads(),
                            line -> System.out.println("  | " + line),
                            database::freeDisk);
        } catch (RuntimeException e) {
            problem = Optional.of(FirstProblem.of("load", e));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (report == null) {
            notes.add(String.format(Locale.ROOT, "Parity's load failed after %.1f s", seconds));
        }
        stage = "count";
        int filled = filled(server, database, rows, notes);
        if (report != null && options.digest()) {
            notes.add(digests(server, database, report));
        }
        int parents = 0;
        Optional<ServerBulkLoad.Result> baseline = Optional.empty();
        if (report != null) {
            parents = (int) report.tables().stream().filter(t -> t.neededBy().isPresent()).count();
            notes.addAll(report.followed());
            notes.add("Parity: " + report);
            notes.add("where Parity's time went: " + report.phases());
            if (baselineNote.isEmpty()) {
                stage = "baseline";
                try {
                    baseline =
                            Optional.of(
                                    server.measure(
                                            report.tables().stream()
                                                    .filter(t -> t.rows() > 0)
                                                    .map(LoadReport.TableLoad::table)
                                                    .toList()));
                    notes.add("baseline: " + baseline.get());
                } catch (SQLException | RuntimeException e) {
                    FirstProblem failure = FirstProblem.of("baseline", e);
                    baselineNote = "failed: " + failure.firstLine();
                    notes.add("baseline failed: " + failure.full());
                }
            }
        } else if (baselineNote.isEmpty()) {
            baselineNote = "not measured: Parity's load failed";
        }
        stage = "done";
        return new CorpusResult(
                target,
                filled,
                rows.size(),
                parents,
                report != null ? report.rows() : 0,
                report != null ? seconds : Double.NaN,
                baseline,
                baselineNote,
                problem,
                notes);
    }

    /** The rows line's tables that hold at least the rows asked for; each one short of them is a note. */
    private static int filled(
            ServerBulkLoad server,
            RunningDatabase database,
            List<TableRows> rows,
            List<String> notes) {
        int filled = 0;
        List<String> shortOfRows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            for (TableRows table : rows) {
                long count = server.count(connection, table.table());
                if (count >= table.rows()) {
                    filled++;
                } else {
                    shortOfRows.add(
                            count < 0
                                    ? table.table() + " (no such table)"
                                    : String.format(
                                            Locale.ROOT,
                                            "%s %,d of %,d",
                                            table.table(),
                                            count,
                                            table.rows()));
                }
            }
        } catch (SQLException e) {
            notes.add("could not count the rows: " + e.getMessage());
            return 0;
        }
        if (!shortOfRows.isEmpty()) {
            notes.add("short of rows: " + String.join(", ", shortOfRows));
        }
        return filled;
    }

    /** "rows digest artist 3f2a..., album ...", each loaded table's fingerprint, its first 12 characters. */
    private static String digests(
            ServerBulkLoad server, RunningDatabase database, LoadReport report) {
        List<String> digests = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            for (LoadReport.TableLoad table : report.tables()) {
                String name = server.qualified(connection, table.table()).orElse(null);
                String digest = name == null ? "(not found)" : server.digest(connection, name);
                digests.add(
                        table.table() + " " + digest.substring(0, Math.min(12, digest.length())));
            }
        } catch (SQLException e) {
            digests.add("could not digest: " + e.getMessage());
        }
        return "rows digest (seed " + report.seed() + "): " + String.join(", ", digests);
    }

    private CorpusResult failed(int asked, FirstProblem problem, List<String> notes) {
        stage = "done";
        return new CorpusResult(
                target,
                0,
                asked,
                0,
                0,
                Double.NaN,
                Optional.empty(),
                "not measured: Parity's load did not run",
                Optional.of(problem),
                notes);
    }
}
