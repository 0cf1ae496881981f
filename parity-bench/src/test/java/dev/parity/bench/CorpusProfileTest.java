package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.data.DatasetSpec;
import dev.parity.profile.Profile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile the harness writes is one Parity reads as any user's: the entry's file as the only init script,
 * found by a class loader over the entry's directory, and datasets of the rows line's tables and rows only.
 * No Docker: reading and validating a profile starts nothing.
 */
class CorpusProfileTest {

    @TempDir Path corpus;

    @Test
    void parityReadsItWithTheSchemaFileAsInitScriptAndTheRowsLineAsDatasets() throws Exception {
        CorpusManifest manifest = CorpusManifest.parse(CorpusManifestTest.MANIFEST);
        CorpusTarget target =
                CorpusTarget.of(
                                manifest,
                                HarnessOptions.parse("spring-batch", "--engine", "postgres"),
                                Map.of())
                        .get(0);
        Files.createDirectories(corpus.resolve("spring-batch"));
        Files.writeString(corpus.resolve(target.file()), "create table t (id int);");
        List<TableRows> rows =
                List.of(new TableRows("BATCH_JOB_INSTANCE", 5), new TableRows("auth.users", 7));

        Profile profile = read(target, CorpusProfile.yaml(target, rows, 9, true));

        assertThat(profile.database().engine().id()).isEqualTo("postgres");
        assertThat(profile.database().image()).isEqualTo("postgres:15");
        assertThat(profile.database().init()).containsExactly("schema-postgresql.sql");
        assertThat(profile.database().settings()).isEmpty();
        assertThat(profile.seed()).hasValue(9);
        assertThat(profile.datasets())
                .extracting(DatasetSpec::table, DatasetSpec::rows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("BATCH_JOB_INSTANCE", 5L),
                        org.assertj.core.groups.Tuple.tuple("auth.users", 7L));
        assertThat(profile.datasets()).allSatisfy(spec -> assertThat(spec.columns()).isEmpty());
    }

    @Test
    void onMariaDbTheBaselineAsksTheServerToReadAndWriteFilesInTmp() throws Exception {
        CorpusManifest manifest = CorpusManifest.parse(CorpusManifestTest.MANIFEST);
        CorpusTarget target =
                CorpusTarget.of(
                                manifest,
                                HarnessOptions.parse("chinook-mysql", "--image", "mariadb:11.8"),
                                Map.of())
                        .get(0);
        Files.createDirectories(corpus.resolve("chinook-mysql"));
        Files.writeString(corpus.resolve(target.file()), "create table t (id int);");

        Profile withBaseline =
                read(
                        target,
                        CorpusProfile.yaml(target, List.of(new TableRows("Artist", 1)), 42, true));
        Profile without =
                read(
                        target,
                        CorpusProfile.yaml(target, List.of(new TableRows("Artist", 1)), 42, false));

        assertThat(withBaseline.database().image()).isEqualTo("mariadb:11.8");
        assertThat(withBaseline.database().settings())
                .isEqualTo(Map.of("secure_file_priv", "/tmp"));
        assertThat(without.database().settings()).isEmpty();
    }

    @Test
    void targetsAreTheSelectedFilesOnTheirEnginesImages() {
        CorpusManifest manifest = CorpusManifest.parse(CorpusManifestTest.MANIFEST);

        List<CorpusTarget> all =
                CorpusTarget.of(manifest, HarnessOptions.parse("--image", "postgres:17"), Map.of());

        assertThat(all)
                .extracting(CorpusTarget::displayName, CorpusTarget::image)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chinook-postgresql", "postgres:17"),
                        org.assertj.core.groups.Tuple.tuple("lemmy-postgresql", "postgres:17"),
                        org.assertj.core.groups.Tuple.tuple(
                                "spring-batch [postgres]", "postgres:17"),
                        org.assertj.core.groups.Tuple.tuple(
                                "spring-batch [mariadb]", "mariadb:10.11"),
                        org.assertj.core.groups.Tuple.tuple("chinook-mysql", "mariadb:10.11"));
        assertThat(all.get(3).script()).isEqualTo("schema-mariadb.sql");
        assertThat(all.get(3).slug()).isEqualTo("spring-batch-mariadb");
    }

    private Profile read(CorpusTarget target, String yaml) throws Exception {
        Path file = Files.writeString(corpus.resolve(target.slug() + ".yml"), yaml);
        try (URLClassLoader entryFiles =
                new URLClassLoader(
                        new URL[] {corpus.resolve(target.directory()).toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            return new ProfileLoader(entryFiles)
                    .load(new ProfileSource(target.slug() + "/parity.yml", file.toUri().toURL()))
                    .profile(CorpusProfile.NAME, "the test");
        }
    }
}
