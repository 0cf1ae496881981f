package dev.parity.network;

import dev.parity.database.ProcessMarker;
import eu.rekawek.toxiproxy.Proxy;

/**
 * A Toxiproxy server on this machine or reachable from it (the process and external providers): it
 * reaches the database at its published host port, and proxies listen on a free port it picks.
 */
final class LocalToxiproxyServer extends ToxiproxyServer {

    private final String host;
    private final Process process;
    private final ProcessMarker marker;

    /**
     * @param process the server's process, stopped on close; null for a server Parity did not start
     * @param marker  the process's marker, deleted once it is stopped; null with the process
     */
    LocalToxiproxyServer(
            String host, int apiPort, String upstream, Process process, ProcessMarker marker) {
        super(host, apiPort, upstream);
        this.host = host;
        this.process = process;
        this.marker = marker;
    }

    @Override
    protected String listenAddress() {
        return (process != null ? "127.0.0.1" : "0.0.0.0")
                + ":0"; // the server picks a free port and reports it back
    }

    @Override
    protected Endpoint endpointFor(Proxy proxy) {
        String listen = proxy.getListen();
        return new Endpoint(
                process != null ? "127.0.0.1" : host,
                Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
    }

    @Override
    public void close() {
        dev.parity.database.LeftoverGuard.forget(this);
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            marker.delete();
        }
    }
}
