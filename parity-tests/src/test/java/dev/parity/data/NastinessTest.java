package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.ColumnType.Repertoire;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nasty text within what a column's character set holds, stray whitespace, and near-duplicates. */
class NastinessTest {

    @Test
    void fitsKnowsEachRepertoire() {
        assertThat(Nastiness.fits("😀 Ж é", Repertoire.UNICODE)).isTrue();
        assertThat(Nastiness.fits("Ж é\uFFFD", Repertoire.BMP)).isTrue();
        assertThat(Nastiness.fits("😀", Repertoire.BMP)).isFalse();
        assertThat(Nastiness.fits("Zoë ÿ", Repertoire.LATIN1)).isTrue();
        assertThat(Nastiness.fits("Ж", Repertoire.LATIN1)).isFalse();
        assertThat(Nastiness.fits("€", Repertoire.LATIN1))
                .isFalse(); // in cp1252, not in ISO 8859-1
        assertThat(Nastiness.fits("O'Brien\t\\", Repertoire.ASCII)).isTrue();
        assertThat(Nastiness.fits("é", Repertoire.ASCII)).isFalse();
    }

    @Test
    void fittedReplacesEachCharacterOutsideByOneQuestionMark() {
        assertThat(Nastiness.fitted("Zoë 😀 Ж", Repertoire.LATIN1)).isEqualTo("Zoë ? ?");
        assertThat(Nastiness.fitted("Zoë 😀 Ж", Repertoire.BMP)).isEqualTo("Zoë ? Ж");
        assertThat(Nastiness.fitted("Zoë 😀 Ж", Repertoire.ASCII)).isEqualTo("Zo? ? ?");
        assertThat(Nastiness.fitted("Zoë 😀 Ж", Repertoire.UNICODE)).isEqualTo("Zoë 😀 Ж");
    }

    @Test
    void everyUnicodeSampleHasANonAsciiCharacter() {
        assertThat(Nastiness.UNICODE).allMatch(s -> !Nastiness.fits(s, Repertoire.ASCII));
    }

    @ParameterizedTest
    @EnumSource(Repertoire.class)
    void unicodeSamplesRespectTheRepertoire(Repertoire repertoire) {
        CellRandom random = new CellRandom();
        Set<String> seen = new HashSet<>();
        for (int row = 0; row < 2000; row++) {
            String value =
                    Nastiness.unicode(row % 3 == 0 ? "" : "Smith", random.seed(row), repertoire);
            assertThat(Nastiness.fits(value, repertoire)).as(value).isTrue();
            seen.add(value);
        }
        // as nasty as the repertoire allows
        Repertoire narrower =
                repertoire == Repertoire.UNICODE
                        ? Repertoire.BMP
                        : repertoire == Repertoire.BMP ? Repertoire.LATIN1 : Repertoire.ASCII;
        if (repertoire != Repertoire.ASCII) {
            assertThat(seen).anyMatch(v -> !Nastiness.fits(v, narrower));
        }
        assertThat(seen)
                .anyMatch(v -> v.startsWith("Smith "))
                .anyMatch(v -> !v.startsWith("Smith"));
    }

    @Test
    void whitespaceIsOnlyLeadingWhenTrailingWouldBeCut() {
        CellRandom random = new CellRandom();
        boolean trailing = false;
        for (int row = 0; row < 500; row++) {
            // padding is spaces, tabs, line breaks and no-break spaces
            String cut = Nastiness.whitespace("ab", random.seed(row), false);
            assertThat(cut).matches("[ \t\r\n\u00A0]+ab");
            String kept = Nastiness.whitespace("ab", random.seed(row), true);
            assertThat(kept).matches("[ \t\r\n\u00A0]*ab[ \t\r\n\u00A0]*").isNotEqualTo("ab");
            trailing |= !kept.endsWith("ab");
        }
        assertThat(trailing).isTrue();
    }

    @Test
    void variantsChangeCaseOrAccents() {
        assertThat(Nastiness.variant("José Müller", 0)).isEqualTo("José Müller");
        assertThat(Nastiness.variant("José Müller", 1)).isEqualTo("JOSÉ MÜLLER");
        assertThat(Nastiness.variant("José Müller", 2)).isEqualTo("josé müller");
        assertThat(Nastiness.variant("José Müller", 3)).isEqualTo("Jose Muller");
        assertThat(Nastiness.variant("Jose", 3)).isEqualTo("José");
    }
}
