package dev.parity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hostile YAML: every failure is a positioned problem, never a stack or heap overflow. */
class YamlParserTest {

    private static YamlNode parse(String yaml) {
        return new YamlParser("parity.yml").parse(new StringReader(yaml));
    }

    @Test
    void aRecursiveAliasIsAProblemWithItsLine() {
        assertThatThrownBy(() -> parse("profiles:\n  a: &a [*a]\n"))
                .isInstanceOf(ProblemException.class)
                .hasMessage(
                        "parity.yml, line 2: a recursive alias: the value defined at line 2 contains itself. "
                                + "An alias (*name) must not be used inside the value its anchor (&name) marks.");
    }

    @Test
    void anAliasBombIsStoppedWithinItsBudget() {
        // 49 aliases, under SnakeYAML's limit of 50, expanding to 7^8 (5.7 million) values
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'h'; c++) {
            String alias = "*" + (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, alias)))
                    .append("]\n");
        }
        assertThat(bomb.length()).isLessThan(1000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> parse(bomb.toString()))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining(
                        "the YAML expands to more than 100000 values through its aliases (each *name repeats its whole anchor)")
                .hasMessageStartingWith("parity.yml, line ");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aliasesWithinTheBudgetExpandAsYamlSays() {
        YamlNode.Mapping root =
                (YamlNode.Mapping) parse("base: &base {image: postgres:15}\nother: *base\n");
        assertThat(root.entries().get("other")).isInstanceOf(YamlNode.Mapping.class);
        assertThat(((YamlNode.Mapping) root.entries().get("other")).entries())
                .containsOnlyKeys("image");
    }

    @Test
    void snakeYamlsOwnLimitsSayWhatWasExceededAndWhatToDo() {
        String deep = "a: " + "[".repeat(60) + "]".repeat(60) + "\n";
        assertThatThrownBy(() -> parse(deep))
                .isInstanceOf(ProblemException.class)
                .hasMessageStartingWith("parity.yml: the YAML nests deeper than allowed: ")
                .hasMessageEndingWith(
                        "A profile needs a handful of levels; look for a runaway structure.");
    }
}
