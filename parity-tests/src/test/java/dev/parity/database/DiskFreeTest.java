package dev.parity.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code df -Pk} as busybox and coreutils print it. */
class DiskFreeTest {

    @Test
    void theFourthFieldOfTheLastLineInKibibytes() {
        assertThat(
                        DiskFree.parse(
                                """
                Filesystem     1024-blocks     Used Available Capacity Mounted on
                overlay          102626232 61234567  36133208      63% /
                """))
                .contains(36133208L * 1024);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(DiskFree.parse("")).isEmpty();
        assertThat(DiskFree.parse("df: /nowhere: No such file or directory")).isEmpty();
        assertThat(DiskFree.parse("Filesystem 1024-blocks Used Available\noverlay 1 2 many"))
                .isEmpty();
    }
}
