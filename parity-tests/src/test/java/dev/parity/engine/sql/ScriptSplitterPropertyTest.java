package dev.parity.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.sql.RandomScripts.Kind;
import dev.parity.engine.sql.RandomScripts.Script;
import dev.parity.engine.sql.ScriptSplitter.Syntax;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Random scripts split back into exactly the statements they were assembled from. Each run draws a new
 * base seed; a failure names the seed of the script and the script, and {@code -Dparity.splitter.seed=N}
 * runs from that seed again.
 */
class ScriptSplitterPropertyTest {

    private static final int SCRIPTS = 500;
    private static final long BASE_SEED = Long.getLong("parity.splitter.seed", System.nanoTime());

    @Test
    void postgresScriptsSplitIntoTheirStatements() {
        Set<Kind> covered = splitAll(RandomScripts::postgres, new ScriptSplitter(Syntax.POSTGRES));
        assertThat(covered)
                .as("kinds of statement and piece the run drew (base seed %d)", BASE_SEED)
                .containsAll(
                        EnumSet.of(
                                Kind.PLAIN,
                                Kind.STRINGS,
                                Kind.ESCAPE_STRINGS,
                                Kind.QUOTED_IDENTIFIERS,
                                Kind.DOLLAR_QUOTES,
                                Kind.NESTED_DOLLAR_QUOTES,
                                Kind.BLOCK_COMMENTS,
                                Kind.NESTED_COMMENTS,
                                Kind.LINE_COMMENTS,
                                Kind.PARENTHESES,
                                Kind.BEGIN_ATOMIC,
                                Kind.CASE_IN_BODY,
                                Kind.CREATE_OR_REPLACE,
                                Kind.PROCEDURE,
                                Kind.RULE,
                                Kind.DOLLAR_BODY,
                                Kind.TRANSACTION,
                                Kind.IDENTIFIER_DOLLARS,
                                Kind.NO_LAST_TERMINATOR));
    }

    @Test
    void mariadbScriptsSplitIntoTheirStatements() {
        Set<Kind> covered = splitAll(RandomScripts::mariadb, new ScriptSplitter(Syntax.MARIADB));
        assertThat(covered)
                .as("kinds of statement and piece the run drew (base seed %d)", BASE_SEED)
                .containsAll(
                        EnumSet.of(
                                Kind.PLAIN,
                                Kind.STRINGS,
                                Kind.BACKTICKS,
                                Kind.HASH_COMMENTS,
                                Kind.LINE_COMMENTS,
                                Kind.BLOCK_COMMENTS,
                                Kind.EXECUTABLE_COMMENTS,
                                Kind.DELIMITER,
                                Kind.DASHES_WITHOUT_BLANK,
                                Kind.NO_LAST_TERMINATOR));
    }

    private static Set<Kind> splitAll(LongFunction<Script> scripts, ScriptSplitter splitter) {
        Set<Kind> covered = EnumSet.noneOf(Kind.class);
        for (int i = 0; i < SCRIPTS; i++) {
            Script script = scripts.apply(BASE_SEED + i);
            List<SqlStatement> split = splitter.split(script.text());
            assertThat(split)
                    .as(
                            "script of seed %d (rerun with -Dparity.splitter.seed=%d):%n%s%n",
                            script.seed(), script.seed(), script.text())
                    .containsExactlyElementsOf(script.statements());
            covered.addAll(script.kinds());
        }
        return covered;
    }
}
