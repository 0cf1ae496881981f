package dev.parity.network;

import dev.parity.database.RunOwner;
import dev.parity.report.RunLog;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proxies that runs which ended abnormally left on a Toxiproxy server Parity did not start (the
 * external provider, shared by several runs and machines). Parity's proxies are named
 * {@code parity-<run id>-<profile>-<class>-<n>} ({@link RunOwner#runId()}), so two runs never ask for one
 * name; a proxy whose run is provably over is deleted when a run connects, a live run's, another
 * machine's and any other proxy are left alone.
 */
final class StaleProxies {

    /** How every proxy Parity creates is named; the run id follows. */
    static final String PREFIX = "parity-";

    private StaleProxies() {}

    /** Deletes the proxies of runs that are over; never fails the run. */
    static void removeFrom(ToxiproxyClient client, String server) {
        Set<Long> owners = new TreeSet<>();
        int removed = 0;
        try {
            for (Proxy proxy : client.getProxies()) {
                Optional<RunOwner> owner =
                        ownerOf(proxy.getName()).filter(RunOwner::endedOnThisMachine);
                if (owner.isPresent() && deleted(proxy)) {
                    removed++;
                    owners.add(owner.get().pid());
                }
            }
        } catch (IOException e) {
            RunLog.leftoversNotChecked(
                    "listing the proxies of the Toxiproxy server at "
                            + server
                            + ": "
                            + e.getMessage());
        }
        if (removed > 0) {
            RunLog.leftoversRemoved(
                    removed
                            + " Toxiproxy "
                            + (removed == 1 ? "proxy" : "proxies")
                            + " on "
                            + server,
                    owners,
                    false);
        }
    }

    /** The run that named a proxy, if Parity did. */
    static Optional<RunOwner> ownerOf(String proxyName) {
        return proxyName.startsWith(PREFIX)
                ? RunOwner.parseRunId(proxyName.substring(PREFIX.length()))
                : Optional.empty();
    }

    private static boolean deleted(Proxy proxy) {
        try {
            proxy.delete();
            return true;
        } catch (IOException goneOrRefused) {
            return false; // another run deleted it first, or the server refused: it stays
        }
    }
}
