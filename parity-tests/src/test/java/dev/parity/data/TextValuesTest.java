package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Repertoire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extremes of text: empty, one character, and the longest allowed in the widest characters the column holds. */
class TextValuesTest {

    private static List<String> extremes(int length, Repertoire repertoire, ColumnLimits limits) {
        return TextValues.extremes(ColumnType.text("t", length).withRepertoire(repertoire), limits);
    }

    @Test
    void unicodeColumnsGetFourByteCharacters() {
        assertThat(extremes(10, Repertoire.UNICODE, ColumnLimits.NONE))
                .containsExactly("", "x", "Ab1 é€😀Ab1", "WWWWWWWWWW");
    }

    @Test
    void narrowerRepertoiresGetTheirWidestCharacters() {
        assertThat(extremes(9, Repertoire.BMP, ColumnLimits.NONE))
                .containsExactly("", "x", "Ab1 é€ЖAb", "WWWWWWWWW");
        assertThat(extremes(5, Repertoire.LATIN1, ColumnLimits.NONE))
                .containsExactly("", "x", "Ab1 é", "WWWWW");
        assertThat(extremes(3, Repertoire.ASCII, ColumnLimits.NONE))
                .containsExactly("", "x", "Ab1", "WWW");
    }

    @Test
    void everyExtremeFitsItsLengthAndRepertoire() {
        for (Repertoire repertoire : Repertoire.values()) {
            for (int length : new int[] {1, 2, 7, 8, 63, 1000, 16_383}) {
                List<String> extremes = extremes(length, repertoire, ColumnLimits.NONE);
                assertThat(extremes)
                        .allMatch(
                                e -> Formats.length(e) <= length && Nastiness.fits(e, repertoire));
                // the column's own limit, or a thousand characters where it allows more (MariaDB's
                // TEXT: 16,383)
                assertThat(Formats.length(extremes.get(2)))
                        .isEqualTo(Math.min(length, TextValues.LONGEST));
            }
        }
    }

    @Test
    void unboundedTextGetsAThousandCharacters() {
        List<String> extremes = extremes(-1, Repertoire.UNICODE, ColumnLimits.NONE);
        assertThat(Formats.length(extremes.get(2))).isEqualTo(1000);
        assertThat(extremes.get(3)).hasSize(1000);
    }

    @Test
    void aCheckedMaximumLengthIsTheLongest() {
        assertThat(extremes(10, Repertoire.ASCII, ColumnLimits.NONE.withMaxLength(4)))
                .containsExactly("", "x", "Ab1 ", "WWWW");
        assertThat(extremes(-1, Repertoire.ASCII, ColumnLimits.NONE.withMaxLength(8)))
                .containsExactly("", "x", "Ab1 xyzA", "WWWWWWWW");
        assertThat(extremes(3, Repertoire.ASCII, ColumnLimits.NONE.withMaxLength(20)))
                .containsExactly("", "x", "Ab1", "WWW");
    }
}
