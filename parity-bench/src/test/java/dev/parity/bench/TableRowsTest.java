package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A rows line's items: {@code table:rows}, schema-qualified tables, scaling. */
class TableRowsTest {

    @Test
    void parsesTablesInOrderSchemaQualifiedOnesIncluded() {
        assertThat(
                        TableRows.parseLine(
                                "  auth.users:100000   person.businessentity:60000 groups:3000 "))
                .containsExactly(
                        new TableRows("auth.users", 100_000),
                        new TableRows("person.businessentity", 60_000),
                        new TableRows("groups", 3_000));
    }

    @Test
    void scalingRoundsAndKeepsAtLeastOneRow() {
        assertThat(new TableRows("artist", 3000).scaled(0.1))
                .isEqualTo(new TableRows("artist", 300));
        assertThat(new TableRows("media_type", 5).scaled(0.1))
                .isEqualTo(new TableRows("media_type", 1));
        assertThat(new TableRows("genre", 25).scaled(0.1)).isEqualTo(new TableRows("genre", 3));
        assertThat(new TableRows("genre", 25).scaled(1)).isEqualTo(new TableRows("genre", 25));
    }

    @Test
    void anItemWithoutRowsOrWithAWrongNumberIsNamed() {
        assertThatThrownBy(() -> TableRows.parseLine("artist:3000 album"))
                .hasMessage("'album' is not table:rows");
        assertThatThrownBy(() -> TableRows.parseLine("artist:"))
                .hasMessage("'artist:' is not table:rows");
        assertThatThrownBy(() -> TableRows.parseLine(":3")).hasMessage("':3' is not table:rows");
        assertThatThrownBy(() -> TableRows.parseLine("artist:3k"))
                .hasMessageContaining("'artist:3k' is not table:rows (rows is a whole number)");
    }
}
