package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MANIFEST as the harness reads it: the index table's files, each section's rows line, the default images. */
class CorpusManifestTest {

    /** The corpus MANIFEST's shape, cut down: an introduction naming images, the index, sections with their rows lines. */
    static final String MANIFEST =
            """
            # Parity schema corpus — MANIFEST

            Every file here creates its schema on the
            server named for it (postgres:15/17, mariadb:10.11/11.8) when run as a script.

            Rows-line format: `table:rows table:rows ...`; schema-qualified where the schema is not `public`.

            | # | entry | engine | file(s) | tables |
            |---|-------|--------|---------|--------|
            | 1 | chinook-postgresql | PostgreSQL | chinook-postgresql/schema.sql | 11 |
            | 4 | lemmy-postgresql | PostgreSQL | lemmy-postgresql/schema.sql | ~56 + previously_run_sql |
            | 6 | spring-batch | PostgreSQL + MariaDB | spring-batch/schema-postgresql.sql, spring-batch/schema-mariadb.sql | 6 (+3 sequences) each |
            | 7 | chinook-mysql | MySQL/MariaDB | chinook-mysql/schema.sql | 11 |

            ---

            ## 1. chinook-postgresql
            - Engine: PostgreSQL
            - Features: self-reference `employee.reports_to → employee`; NUMERIC(10,2) money.
            - Rows: `artist:3000 album:6000 genre:25`

            ## 4. lemmy-postgresql
            - Engine: PostgreSQL (the migrations create the contrib extensions `ltree`, `pg_trgm`, `pgcrypto`)
            - Rows (leave the seeded `language` table alone): `instance:2000 person:100000 comment:250000`

            ## 6. spring-batch (two files, one per engine)
            - Engine: PostgreSQL (`schema-postgresql.sql`) and MariaDB (`schema-mariadb.sql`)
            - Rows (same for both engines): `BATCH_JOB_INSTANCE:50000 BATCH_JOB_EXECUTION:100000`

            ## 7. chinook-mysql
            - Rows: `Artist:3000 Album:6000`

            ## Later edit (all joined-migration entries: lemmy, supabase-auth, vaultwarden)
            Where a migration file's last statement had no closing `;`, a `;` was appended (postgres:99 is no default).
            """;

    @Test
    void readsTheIndexTableInOrderWithEachEntrysFilesAndEngines() {
        CorpusManifest manifest = CorpusManifest.parse(MANIFEST);

        assertThat(manifest.entries())
                .extracting(CorpusEntry::name)
                .containsExactly(
                        "chinook-postgresql", "lemmy-postgresql", "spring-batch", "chinook-mysql");
        CorpusEntry springBatch = manifest.entries().get(2);
        assertThat(springBatch.engines()).isEqualTo("PostgreSQL + MariaDB");
        assertThat(springBatch.files())
                .containsExactly(
                        "spring-batch/schema-postgresql.sql", "spring-batch/schema-mariadb.sql");
    }

    @Test
    void takesEachSectionsRowsLineEvenWithBackquotesBeforeIt() {
        CorpusManifest manifest = CorpusManifest.parse(MANIFEST);

        assertThat(manifest.entries().get(0).rows())
                .containsExactly(
                        new TableRows("artist", 3000),
                        new TableRows("album", 6000),
                        new TableRows("genre", 25));
        // "- Rows (leave the seeded `language` table alone): `...`": the last quoted part is the
        // line
        assertThat(manifest.entries().get(1).rows())
                .extracting(TableRows::table)
                .containsExactly("instance", "person", "comment");
        assertThat(manifest.entries().get(2).rows())
                .containsExactly(
                        new TableRows("BATCH_JOB_INSTANCE", 50000),
                        new TableRows("BATCH_JOB_EXECUTION", 100000));
    }

    @Test
    void theDefaultImagesAreTheFirstTheIntroductionNamesPerEngine() {
        assertThat(CorpusManifest.parse(MANIFEST).defaultImages())
                .isEqualTo(Map.of("postgres", "postgres:15", "mariadb", "mariadb:10.11"));
    }

    @Test
    void eachFilesEngineComesFromItsNameElseFromTheEntrysOneEngine() {
        CorpusManifest manifest = CorpusManifest.parse(MANIFEST);

        CorpusEntry springBatch = manifest.entries().get(2);
        assertThat(springBatch.engineOf("spring-batch/schema-postgresql.sql"))
                .isEqualTo("postgres");
        assertThat(springBatch.engineOf("spring-batch/schema-mariadb.sql")).isEqualTo("mariadb");
        assertThat(manifest.entries().get(0).engineOf("chinook-postgresql/schema.sql"))
                .isEqualTo("postgres");
        assertThat(manifest.entries().get(3).engineOf("chinook-mysql/schema.sql"))
                .isEqualTo("mariadb");
        assertThatThrownBy(() -> springBatch.engineOf("spring-batch/schema.sql"))
                .hasMessageContaining("cannot tell which engine runs");
    }

    @Test
    void anEntryWithoutARowsLineIsAnError() {
        String withoutRows = MANIFEST.replace("- Rows: `Artist:3000 Album:6000`", "- Tables: 11");

        assertThatThrownBy(() -> CorpusManifest.parse(withoutRows))
                .hasMessageContaining("entry chinook-mysql has no section");
    }

    @Test
    void aRowsLineThatIsNotTableColonRowsNamesItsLine() {
        String broken = MANIFEST.replace("`Artist:3000 Album:6000`", "`Artist:3000 Album`");

        assertThatThrownBy(() -> CorpusManifest.parse(broken))
                .hasMessageContaining("rows of chinook-mysql")
                .hasMessageContaining("'Album' is not table:rows")
                .hasMessageMatching("MANIFEST line \\d+, .*");
    }

    @Test
    void noIndexTableIsAnError() {
        assertThatThrownBy(() -> CorpusManifest.parse("# nothing here\n"))
                .hasMessageContaining("no index table");
    }
}
