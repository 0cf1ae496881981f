package dev.parity.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Script lines of positions and lines within a statement, as servers report them. */
class SqlStatementTest {

    // starts on script line 10; "x" is on its third line
    private final SqlStatement statement = new SqlStatement("select 1,\n  2 +\n  x", 10);

    @Test
    void aCharacterPositionMapsToItsScriptLine() {
        assertThat(statement.lineOf(1)).isEqualTo(10);
        assertThat(statement.lineOf(9)).isEqualTo(10); // the ','
        assertThat(statement.lineOf(10)).isEqualTo(10); // the line break itself
        assertThat(statement.lineOf(11)).isEqualTo(11);
        assertThat(statement.lineOf(statement.sql().indexOf('x') + 1)).isEqualTo(12);
    }

    @Test
    void positionsOutsideTheStatementStayInside() {
        assertThat(statement.lineOf(0)).isEqualTo(10);
        assertThat(statement.lineOf(-3)).isEqualTo(10);
        assertThat(statement.lineOf(1000)).isEqualTo(12);
    }

    @Test
    void aStatementLineMapsToItsScriptLine() {
        assertThat(statement.lineOfStatementLine(1)).isEqualTo(10);
        assertThat(statement.lineOfStatementLine(2)).isEqualTo(11);
        assertThat(statement.lineOfStatementLine(3)).isEqualTo(12);
    }

    @Test
    void statementLinesOutsideTheStatementStayInside() {
        assertThat(statement.lineOfStatementLine(0)).isEqualTo(10);
        assertThat(statement.lineOfStatementLine(7)).isEqualTo(12);
        assertThat(new SqlStatement("select 1", 4).lineOfStatementLine(2)).isEqualTo(4);
    }
}
