package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's command line. */
class HarnessOptionsTest {

    @Test
    void withoutArgumentsEveryEntryAtTheManifestsRowsOnItsImages() {
        HarnessOptions options = HarnessOptions.parse();

        assertThat(options.selectors()).isEmpty();
        assertThat(options.scale()).isEqualTo(1.0);
        assertThat(options.images()).isEmpty();
        assertThat(options.engine()).isEmpty();
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.baseline()).isTrue();
        assertThat(options.digest()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.selects("killbill-mysql")).isTrue();
    }

    @Test
    void readsEveryOptionWithASpaceOrAnEqualsSign() {
        HarnessOptions options =
                HarnessOptions.parse(
                        "chinook",
                        "--scale",
                        "0.1",
                        "--image=postgres:17",
                        "--image",
                        "mariadb:11.8",
                        "--engine",
                        "mariadb",
                        "--corpus",
                        "/somewhere",
                        "--threads=1",
                        "--seed",
                        "7",
                        "--timeout",
                        "5",
                        "--no-baseline",
                        "--digest",
                        "spring-batch");

        assertThat(options.selectors()).containsExactly("chinook", "spring-batch");
        assertThat(options.scale()).isEqualTo(0.1);
        assertThat(options.images())
                .isEqualTo(Map.of("postgres", "postgres:17", "mariadb", "mariadb:11.8"));
        assertThat(HarnessOptions.parse("--image", "lemmy=postgres:17").entryImages())
                .isEqualTo(Map.of("lemmy", "postgres:17"));
        assertThat(options.engine()).contains("mariadb");
        assertThat(options.corpus()).contains(Path.of("/somewhere"));
        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.baseline()).isFalse();
        assertThat(options.digest()).isTrue();
        assertThat(HarnessOptions.parse("--help").help()).isTrue();
    }

    @Test
    void selectorsAreNamesOrPrefixes() {
        HarnessOptions options = HarnessOptions.parse("chinook", "spring-batch");

        assertThat(options.selects("chinook-postgresql")).isTrue();
        assertThat(options.selects("chinook-mysql")).isTrue();
        assertThat(options.selects("spring-batch")).isTrue();
        assertThat(options.selects("lemmy-postgresql")).isFalse();
    }

    @Test
    void mistakesSayWhatTheOptionTakes() {
        assertThatThrownBy(() -> HarnessOptions.parse("--scale", "a"))
                .hasMessage("--scale takes a number, not a");
        assertThatThrownBy(() -> HarnessOptions.parse("--scale", "0"))
                .hasMessage("--scale takes a number above 0, not 0.0");
        assertThatThrownBy(() -> HarnessOptions.parse("--threads", "0"))
                .hasMessage("--threads takes a number above 0, not 0.0");
        assertThatThrownBy(() -> HarnessOptions.parse("--seed")).hasMessage("--seed needs a value");
        assertThatThrownBy(() -> HarnessOptions.parse("--image", "redis:7"))
                .hasMessageContaining("not an official postgres or mariadb image");
        assertThatThrownBy(() -> HarnessOptions.parse("--engine", "mysql"))
                .hasMessage("--engine takes postgres or mariadb, not mysql");
        assertThatThrownBy(() -> HarnessOptions.parse("--sclae", "2"))
                .hasMessage("unknown option --sclae; --help lists them");
    }

    @Test
    void theCorpusIsTheGivenOneElseNextToTheWorkingDirectoryElseTheSharedOne(@TempDir Path work)
            throws Exception {
        assertThat(HarnessOptions.parse("--corpus", "/x").corpusDirectory(work))
                .isEqualTo(Path.of("/x"));
        Path checkout = Files.createDirectories(work.resolve("wt"));
        assertThat(HarnessOptions.parse().corpusDirectory(checkout))
                .isEqualTo(HarnessOptions.FALLBACK_CORPUS);
        Path shared = Files.createDirectories(work.resolve("shared/corpus"));
        assertThat(HarnessOptions.parse().corpusDirectory(checkout)).isEqualTo(shared);
        assertThat(HarnessOptions.parse().corpus()).isEqualTo(Optional.empty());
    }
}
