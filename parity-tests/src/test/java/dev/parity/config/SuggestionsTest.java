package dev.parity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": the nearest candidate within a plausible typo's distance. */
class SuggestionsTest {

    private static final List<String> KEYS =
            List.of("engine", "image", "name", "username", "password", "init", "settings");

    @Test
    void theNearestCandidateIsSuggested() {
        assertThat(Suggestions.nearest("imgae", KEYS)).hasValue("image");
        assertThat(Suggestions.nearest("usrname", KEYS)).hasValue("username");
        assertThat(Suggestions.nearest("SETTINGS", KEYS)).hasValue("settings");
        assertThat(Suggestions.didYouMean("imgae", KEYS)).isEqualTo("Did you mean 'image'? ");
    }

    @Test
    void nothingFarOffIsSuggested() {
        assertThat(Suggestions.nearest("timezone", KEYS)).isEmpty();
        assertThat(Suggestions.nearest("anything", List.of())).isEmpty();
        assertThat(Suggestions.didYouMean("timezone", KEYS)).isEmpty();
    }

    @Test
    void longerNamesAllowMoreEdits() {
        // two edits always, a third of the candidate's length when more
        assertThat(Suggestions.nearest("abc", List.of("xyz"))).isEmpty();
        assertThat(Suggestions.nearest("ab", List.of("xy"))).hasValue("xy");
        // four edits: too many for a short name, a plausible typo of a long one (17 / 3 = 5)
        assertThat(Suggestions.nearest("wxyz", List.of("wabc"))).isEmpty();
        assertThat(Suggestions.nearest("mxconnectoins_y", List.of("max_connections_x")))
                .hasValue("max_connections_x");
        assertThat(Suggestions.nearest("mxconectoins_y", List.of("max_connections_x")))
                .hasValue("max_connections_x");
        assertThat(Suggestions.nearest("mxconectoins_yz", List.of("max_connections_x"))).isEmpty();
    }

    @Test
    void aSwapOfTwoLettersIsOneEdit() {
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
