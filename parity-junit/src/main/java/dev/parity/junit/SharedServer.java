package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.network.ToxiproxyServer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.containers.Network;

/**
 * A database server and the Toxiproxy server in front of it, shared by every class whose profile asks for the same
 * server, whatever data each wants: its first data variant is loaded into the {@code primary} database, every
 * further one into a copy of {@code base} (the primary as its migrations and init scripts left it, before any data).
 * Lives in the root store, before the variants on it, so it stops after them.
 *
 * @param primary the database the profile names, migrated and initialised
 * @param base    an untouched copy of the primary before any data, which further variants are copied from; empty
 *                where the engine cannot copy (then each variant has a server of its own)
 * @param startup  how long the server took, container, proxy, migrations and init scripts
 * @param variants how many data variants were begun on it; the first takes the primary (a restored server's: the
 *     variant its snapshot holds)
 * @param snapshots its warm start: the snapshot it started from, or the key to save it under once its first
 *     variant is loaded; empty where snapshots are off
 * @param restoredTaken whether the variant its snapshot holds has been claimed
 */
record SharedServer(
        RunningDatabase primary,
        ToxiproxyServer toxiproxy,
        Optional<Network> network,
        Optional<String> base,
        Duration startup,
        AtomicInteger variants,
        Optional<WarmStarts.Plan> snapshots,
        AtomicBoolean restoredTaken)
        implements AutoCloseable {

    /** Whether it started from a snapshot, whose variant is then in its primary database. */
    boolean restored() {
        return snapshots.flatMap(WarmStarts.Plan::found).isPresent();
    }

    /**
     * Whether {@code data} in {@code zone} is the variant its snapshot holds, claimed now: once, by the first class
     * asking for it; every other variant is copied from the base, as further variants are.
     */
    boolean claimsRestored(DataPlan data, Optional<ZoneId> zone) {
        return snapshots.filter(plan -> plan.holds(data, zone)).isPresent()
                && restoredTaken.compareAndSet(false, true);
    }

    /** The n-th variant's database name (n from 2), within the engines' 63 characters. */
    String variantName(int n) {
        String suffix = "_v" + n;
        String name = primary.spec().name();
        return (name.length() + suffix.length() > 63
                        ? name.substring(0, 63 - suffix.length())
                        : name)
                + suffix;
    }

    /**
     * Stops all of it, the proxy server first; a failure to stop one does not keep the others running. A
     * database kept after a failed test stays, and so does its Docker network (which cannot be removed
     * while it is attached): the next run removes both.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        boolean kept = primary.kept();
        for (AutoCloseable part :
                new AutoCloseable[] {toxiproxy, primary, kept ? null : network.orElse(null)}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop all of " + primary, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
