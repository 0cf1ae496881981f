package dev.parity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@code parity.*} switch read strictly: unset (or blank) is the default, a value that parses is honoured,
 * and anything else is an error naming the switch, the value and the form, where the JDK's readers
 * ({@code Long.getLong}, {@code Boolean.getBoolean}) would quietly take the default.
 */
class SettingTest {

    private static Setting property(String name, String value) {
        return new Setting("system property", name, Optional.ofNullable(value));
    }

    @Test
    void unsetOrBlankIsTheDefault() {
        assertThat(property("parity.x", null).atLeast(0, 120, "seconds", 120)).isEqualTo(120);
        assertThat(property("parity.x", "  ").atLeast(0, 120, "seconds", 120)).isEqualTo(120);
        assertThat(property("parity.x", null).flag()).isFalse();
    }

    @Test
    void aValueThatParsesIsHonoured() {
        assertThat(property("parity.x", " 30 ").atLeast(0, 120, "seconds", 120)).isEqualTo(30);
        assertThat(property("parity.x", "0").atLeast(0, 120, "seconds", 120)).isZero();
        assertThat(property("parity.x", "53_687_091_200").atLeast(1, 1, "bytes", 1))
                .isEqualTo(53_687_091_200L);
        assertThat(property("parity.x", "-42").wholeNumber(0, "")).isEqualTo(-42);
        assertThat(property("parity.x", "TRUE").flag()).isTrue();
        assertThat(property("parity.x", "false").flag()).isFalse();
    }

    @Test
    void aNumberThatDoesNotParseOrIsTooSmallIsAnError() {
        assertThatThrownBy(
                        () ->
                                property("parity.pull.timeout", "abc")
                                        .atLeast(0, 120, "seconds", 120))
                .isInstanceOf(ProblemException.class)
                .hasMessage(
                        "system property parity.pull.timeout: 'abc' is not a whole number. Set it to 0 or more seconds, "
                                + "for example -Dparity.pull.timeout=120.");
        assertThatThrownBy(
                        () -> property("parity.pull.timeout", "-5").atLeast(0, 120, "seconds", 120))
                .hasMessage(
                        "system property parity.pull.timeout: '-5' is below 0. Set it to 0 or more seconds, for example -Dparity.pull.timeout=120.");
        assertThatThrownBy(
                        () ->
                                property("parity.data.maxBytes", "50GB")
                                        .atLeast(1, 1, "bytes", 53_687_091_200L))
                .hasMessage(
                        "system property parity.data.maxBytes: '50GB' is not a whole number. Set it to 1 or more bytes, "
                                + "for example -Dparity.data.maxBytes=53687091200.");
        assertThatThrownBy(
                        () ->
                                Setting.configurationParameter("parity.seed", Optional.of("xyz"))
                                        .wholeNumber(0, "Give the seed."))
                .hasMessage(
                        "configuration parameter parity.seed: 'xyz' is not a whole number. Give the seed.");
    }

    @Test
    void aFlagIsTrueOrFalseAndNothingElse() {
        for (String value : new String[] {"yes", "1", "on", "ture"}) {
            assertThatThrownBy(() -> property("parity.load.keepIndexes", value).flag())
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "system property parity.load.keepIndexes: '"
                                    + value
                                    + "' is neither true nor false. "
                                    + "Set -Dparity.load.keepIndexes=true, or =false (the default).");
        }
    }

    @Test
    void aDurationIsSecondsOrANumberWithItsUnitOrIsoAndPositive() {
        assertThat(property("parity.lockWait", null).duration(java.time.Duration.ofSeconds(60)))
                .hasSeconds(60);
        assertThat(property("parity.lockWait", "45").duration(java.time.Duration.ZERO))
                .hasSeconds(45);
        assertThat(property("parity.lockWait", "3s").duration(java.time.Duration.ZERO))
                .hasSeconds(3);
        assertThat(property("parity.lockWait", "2m").duration(java.time.Duration.ZERO))
                .hasMinutes(2);
        assertThat(property("parity.lockWait", "1H").duration(java.time.Duration.ZERO)).hasHours(1);
        assertThat(property("parity.lockWait", "500ms").duration(java.time.Duration.ZERO))
                .hasMillis(500);
        assertThat(property("parity.lockWait", "PT90S").duration(java.time.Duration.ZERO))
                .hasSeconds(90);
        assertThatThrownBy(
                        () -> property("parity.lockWait", "soon").duration(java.time.Duration.ZERO))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("system property parity.lockWait")
                .hasMessageContaining(
                        "'soon' is not a duration. Give a duration such as "
                                + "-Dparity.lockWait=60s (or 2m, 500ms, or a number of seconds).");
        assertThatThrownBy(
                        () -> property("parity.lockWait", "0s").duration(java.time.Duration.ZERO))
                .hasMessageContaining("'0s' is not a positive duration");
    }
}
