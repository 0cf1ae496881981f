package dev.parity.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run is over only when that is provable: same machine, and its pid gone or reused. */
class RunOwnerTest {

    private final RunOwner me = RunOwner.current();

    @Test
    void labelsAndRunIdsReadBackAsWritten() {
        assertThat(RunOwner.parseLabel(me.label())).contains(me);
        assertThat(me.label())
                .matches("[A-Za-z0-9_.-]+~[0-9a-f]{12}:" + ProcessHandle.current().pid() + ":\\d+");
        RunOwner fromId = RunOwner.parseRunId(me.runId() + "-default-SomeTest-1").orElseThrow();
        assertThat(fromId.machine()).isEqualTo(me.machine());
        assertThat(fromId.pid()).isEqualTo(me.pid());
        assertThat(fromId.startMillis()).isEqualTo(me.startMillis());
    }

    @Test
    void whatIsNotAnOwnerIsNeverOver() {
        assertThat(RunOwner.parseLabel(null)).isEmpty();
        assertThat(RunOwner.parseLabel("true")).isEmpty();
        assertThat(RunOwner.parseLabel("host~abc:x:1")).isEmpty();
        assertThat(RunOwner.parseRunId("default-SomeTest-1")).isEmpty();
        assertThat(RunOwner.parseRunId("0123456789ab.12.abcX-x")).isEmpty();
    }

    @Test
    void thisRunIsNotOver() {
        assertThat(me.startMillis()).as("Linux reports start times").isPositive();
        assertThat(me.endedOnThisMachine()).isFalse();
        assertThat(RunOwner.parseRunId(me.runId()).orElseThrow().endedOnThisMachine()).isFalse();
    }

    @Test
    void aRunWhosePidIsGoneIsOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        RunOwner owner = new RunOwner(me.host(), me.machine(), gone.pid(), me.startMillis());

        assertThat(owner.endedOnThisMachine()).isTrue();
    }

    @Test
    void aRunWhosePidNowRunsAnotherProcessIsOver() {
        assertThat(
                        new RunOwner(me.host(), me.machine(), me.pid(), me.startMillis() - 60_000)
                                .endedOnThisMachine())
                .isTrue();
    }

    @Test
    void aLivePidWithoutAComparableStartIsNotOver() {
        assertThat(new RunOwner(me.host(), me.machine(), me.pid(), 0).endedOnThisMachine())
                .isFalse();
    }

    @Test
    void anotherMachinesRunIsNeverOverHere() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertThat(new RunOwner(me.host(), "0123456789ab", gone.pid(), 1).endedOnThisMachine())
                .isFalse();
    }

    @Test
    void aSweepSaysWhatItRemoved() {
        assertThat(new LeftoverSweep.Removed(2, 1, 1, Set.of(1234L)).describe())
                .isEqualTo("2 containers, 1 Docker network and 1 toxiproxy-server");
        assertThat(new LeftoverSweep.Removed(1, 0, 1, Set.of(1234L)).describe())
                .isEqualTo("1 container and 1 toxiproxy-server");
        assertThat(new LeftoverSweep.Removed(0, 0, 0, Set.of()).isEmpty()).isTrue();
    }
}
