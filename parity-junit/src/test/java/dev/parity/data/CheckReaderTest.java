package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CHECK constraints as PostgreSQL 15 prints them (pg_get_constraintdef), read into limits. */
class CheckReaderTest {

    private static TableInfo table(String... checks) {
        List<ColumnInfo> columns = List.of(column("balance", "numeric"), column("status", "varchar"), column("code", "varchar"),
                column("rating", "int4"), column("hired_on", "date"), column("left_on", "date"));
        return new TableInfo("public", "t", columns, List.of(), List.of(), List.of(),
                java.util.Arrays.stream(checks).map(c -> new TableInfo.Check("c", c)).toList());
    }

    private static ColumnInfo column(String name, String type) {
        return new ColumnInfo(name, type, -1, -1, -1, true, null, false, List.of(), null, type);
    }

    @Test
    void readsRangesWithCasts() {
        CheckReader.Result result = CheckReader.read(table("CHECK (((balance >= ('-5000'::integer)::numeric) AND (balance <= (1000000)::numeric)))",
                "CHECK (((rating > 0) AND (rating <= 5)))"));
        assertThat(result.opaque()).isEmpty();
        assertThat(result.of("balance").min()).isEqualByComparingTo(new BigDecimal("-5000"));
        assertThat(result.of("balance").max()).isEqualByComparingTo(new BigDecimal("1000000"));
        assertThat(result.of("rating").min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(result.of("rating").minExclusive()).isTrue();
    }

    @Test
    void readsListsAndLengths() {
        CheckReader.Result result = CheckReader.read(table(
                "CHECK (((status)::text = ANY ((ARRAY['new'::character varying, 'it''s'::character varying])::text[])))",
                "CHECK ((char_length((code)::text) >= 3))"));
        assertThat(result.opaque()).isEmpty();
        assertThat(result.of("status").allowed()).containsExactly("new", "it's");
        assertThat(result.of("code").minLength()).isEqualTo(3);
    }

    @Test
    void leavesWhatItCannotReadOpaqueWithTheColumnsItMentions() {
        CheckReader.Result result = CheckReader.read(table("CHECK (((left_on IS NULL) OR (left_on > hired_on)))"));
        assertThat(result.opaqueColumns()).containsExactly("left_on", "hired_on");
    }
}
