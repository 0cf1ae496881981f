package dev.parity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The message of reported problems: one, several in one file by line, or several in different places. */
class ProblemExceptionTest {

    private static Problem at(int line, String what, String fix) {
        return new Problem(new Location("parity.yml", line), what, fix);
    }

    @Test
    void oneProblemSaysWhereWhatAndHowToFix() {
        assertThat(
                        new ProblemException(at(4, "unknown key 'imgae'", "Did you mean 'image'?"))
                                .getMessage())
                .isEqualTo("parity.yml, line 4: unknown key 'imgae'. Did you mean 'image'?");
        assertThat(
                        new ProblemException(
                                        new Problem(
                                                Location.of(
                                                        "@Dataset(table = \"orders\") on com.example.OrderTest"),
                                                "no such table",
                                                ""))
                                .getMessage())
                .isEqualTo("@Dataset(table = \"orders\") on com.example.OrderTest: no such table.");
    }

    @Test
    void whatEndingInAPeriodOrQuestionMarkGetsNoSecondOne() {
        assertThat(at(1, "is this right?", "").describe()).isEqualTo("is this right?");
        assertThat(at(1, "done.", "Fix it.").describe()).isEqualTo("done. Fix it.");
    }

    @Test
    void severalInOneFileAreListedByLine() {
        ProblemException e =
                new ProblemException(
                        List.of(at(9, "b", "Fix b."), at(3, "a", ""), at(12, "c", "Fix c.")));
        assertThat(e.getMessage())
                .isEqualTo(
                        "parity.yml has 3 problems:\n  - line 3: a.\n  - line 9: b. Fix b.\n  - line 12: c. Fix c.");
        // in the order they were found
        assertThat(e.problems()).extracting(Problem::what).containsExactly("b", "a", "c");
    }

    @Test
    void severalInDifferentPlacesNameEachPlace() {
        Problem annotation =
                new Problem(
                        Location.of("@Dataset(table = \"orders\") on com.example.OrderTest"),
                        "no such table",
                        "Fix it.");
        Problem other = new Problem(new Location("other.yml", 2), "x", "");
        assertThat(new ProblemException(List.of(at(7, "b", ""), other, annotation)).getMessage())
                .isEqualTo(
                        "3 problems:"
                                + "\n  - @Dataset(table = \"orders\") on com.example.OrderTest: no such table. Fix it."
                                + "\n  - other.yml, line 2: x."
                                + "\n  - parity.yml, line 7: b.");
    }

    @Test
    void aWholeFileProblemIsAPlaceOfItsOwn() {
        Problem wholeFile = new Problem(Location.of("parity.yml"), "cannot be read", "");
        assertThat(new ProblemException(List.of(at(5, "b", ""), wholeFile)).getMessage())
                .isEqualTo(
                        "2 problems:\n  - parity.yml: cannot be read.\n  - parity.yml, line 5: b.");
    }

    @Test
    void theCauseIsKept() {
        IllegalStateException cause = new IllegalStateException("boom");
        assertThat(new ProblemException(at(1, "a", ""), cause)).hasCause(cause);
    }
}
