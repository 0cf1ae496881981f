package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.database.DatabaseFaultSpec;
import dev.parity.network.ToxicSpec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What @Latency, @Toxic and @DatabaseFault declare, read without a server: their typed attributes, and each mistake's error. */
class DeclaredFaultsTest {

    @Test
    void everyToxicTypeIsOneProfilesKnowAndTheOtherWayRound() {
        assertThat(Arrays.stream(ToxicType.values()).map(ToxicType::profileName))
                .containsExactlyElementsOf(ToxicSpec.TYPES.keySet());
        assertThat(Arrays.stream(Stream.values()).map(Stream::profileName))
                .containsExactlyInAnyOrderElementsOf(ToxicSpec.STREAMS);
        for (ToxicType type : ToxicType.values()) {
            String taken = type.attributesTaken();
            assertThat(ToxicSpec.TYPES.get(type.profileName()))
                    .as(type.toString())
                    .allSatisfy(name -> assertThat(taken).contains(name + "=<"));
        }
    }

    @Latency(millis = 150, jitterMillis = 10, stream = Stream.BOTH)
    @Toxic(
            type = ToxicType.SLOW_CLOSE,
            attributes = "delay = 500",
            stream = Stream.UPSTREAM,
            toxicity = 0.5)
    @Toxic(type = ToxicType.DOWN)
    static class Toxics {}

    @Test
    void latencyAndToxicsBecomeTheToxicsProfilesWrite() {
        assertThat(DeclaredToxics.on(Toxics.class))
                .containsExactly(
                        new ToxicSpec(
                                "latency", "both", 1.0, Map.of("latency", 150L, "jitter", 10L)),
                        new ToxicSpec("slow_close", "upstream", 0.5, Map.of("delay", 500L)),
                        new ToxicSpec("down", "downstream", 1.0, Map.of()));
    }

    @Toxic(type = ToxicType.SLICER, attributes = "average_size:64")
    static class NotNameEqualsNumber {}

    @Toxic(type = ToxicType.BANDWIDTH, attributes = "rte=64")
    static class UnknownAttribute {}

    @Toxic(type = ToxicType.DOWN, stream = Stream.BOTH)
    static class DownWithAStream {}

    @Latency(millis = -5)
    static class NegativeLatency {}

    @Test
    void aToxicThatDoesNotFitItsTypeSaysWhatTheTypeTakes() {
        assertToxicError(
                NotNameEqualsNumber.class,
                "@Toxic(type = SLICER) on "
                        + NotNameEqualsNumber.class
                        + " has attribute 'average_size:64', "
                        + "which is not name=number. Write each as name=number; a SLICER toxic takes: average_size=<bytes>, size_variation=<bytes>, "
                        + "delay=<microseconds>.");
        assertToxicError(
                UnknownAttribute.class,
                "@Toxic(type = BANDWIDTH) on "
                        + UnknownAttribute.class
                        + ": a bandwidth toxic has no attribute "
                        + "'rte'. Did you mean 'rate'? Its attributes: rate.");
        assertToxicError(
                DownWithAStream.class,
                "@Toxic(type = DOWN) on "
                        + DownWithAStream.class
                        + ": a down toxic refuses every connection in "
                        + "both directions, so it takes no stream or toxicity (it has stream both, toxicity 1.0). Remove them; for a share of "
                        + "connections, use reset_peer with a toxicity.");
        assertToxicError(
                NegativeLatency.class,
                "@Latency on "
                        + NegativeLatency.class
                        + ": attribute 'latency' of a latency toxic is negative "
                        + "(-5). Use 0 or more.");
    }

    private static void assertToxicError(Class<?> type, String message) {
        assertThatThrownBy(() -> DeclaredToxics.on(type))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(message);
    }

    @DatabaseFault(failWrites = "accounts", probability = 0.05)
    @DatabaseFault(failWrites = "audit_log", sqlState = "23505", count = 1)
    @DatabaseFault(statementTimeoutMillis = 500)
    @DatabaseFault(connectionLimit = 0)
    @DatabaseFault(readOnly = true)
    static class EachFault {}

    @Test
    void eachDatabaseFaultBecomesTheFaultAProfileDeclares() {
        assertThat(DeclaredDatabaseFaults.on(EachFault.class))
                .containsExactly(
                        DatabaseFaultSpec.failWrites("accounts", "40001", 0.05, -1),
                        DatabaseFaultSpec.failWrites("audit_log", "23505", 1.0, 1),
                        DatabaseFaultSpec.statementTimeout(500),
                        DatabaseFaultSpec.connectionLimit(0),
                        DatabaseFaultSpec.readOnlyDatabase());
    }

    @DatabaseFault
    static class NoFault {}

    @DatabaseFault(failWrites = "accounts", readOnly = true)
    static class TwoFaults {}

    @DatabaseFault(statementTimeoutMillis = 500, sqlState = "40P01", count = 2)
    static class FailWritesAttributesOnATimeout {}

    @DatabaseFault(failWrites = "accounts", probability = 0.5, count = 2)
    static class ProbabilityAndCount {}

    @DatabaseFault(failWrites = "accounts", count = 0)
    static class CountZero {}

    @DatabaseFault(statementTimeoutMillis = -1)
    static class NegativeTimeout {}

    @DatabaseFault(connectionLimit = -1)
    static class NegativeLimit {}

    @DatabaseFault(failWrites = "accounts", sqlState = "00000", probability = 2)
    static class BadSqlStateAndProbability {}

    @Test
    void aDatabaseFaultThatDeclaresNoneOrSeveralOrDoesNotFitSaysHowToFixIt() {
        String each =
                ", and each @DatabaseFault declares one: failWrites = \"table\", statementTimeoutMillis = 1 or more, connectionLimit = 0 or more, "
                        + "or readOnly = true. ";
        assertFaultError(NoFault.class, "it declares no fault" + each + "Give one of them.");
        assertFaultError(
                TwoFaults.class,
                "it declares several faults (failWrites = \"accounts\", readOnly = true)"
                        + each
                        + "Declare each in a @DatabaseFault of its own.");
        assertFaultError(
                FailWritesAttributesOnATimeout.class,
                "sqlState and count describe failing writes, and this one declares "
                        + "statementTimeoutMillis = 500. Remove them, or declare the failing writes in a @DatabaseFault(failWrites = \"table\", ...) of its own.");
        assertFaultError(
                ProbabilityAndCount.class,
                "it gives both probability = 0.5 and count = 2: the writes that fail are either a share of all "
                        + "of them or the next few. Give one of the two.");
        assertFaultError(
                CountZero.class,
                "count = 0 fails no write. Give the number of writes that fail, 1 or more (e.g. count = 3), or leave "
                        + "count out for every write.");
        assertFaultError(
                NegativeTimeout.class,
                "statementTimeoutMillis = -1 is negative. Give the milliseconds after which a statement is "
                        + "cancelled, 1 or more (e.g. 500).");
        assertFaultError(
                NegativeLimit.class,
                "connectionLimit = -1 is negative. Give the number of sessions the database admits, 0 or more (e.g. 5).");
        assertFaultError(
                BadSqlStateAndProbability.class,
                "'00000' is not a SQLSTATE. Give five digits or capital letters, not of class 00, for "
                        + "example 40001 (serialization failure) or 40P01 (deadlock); the probability 2.0 is outside 0..1. Give the share of writes that "
                        + "fail, e.g. 0.05.");
    }

    private static void assertFaultError(Class<?> type, String problems) {
        assertThatThrownBy(() -> DeclaredDatabaseFaults.on(type))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@DatabaseFault on " + type + ": " + problems);
    }
}
