package dev.parity.network;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;

/**
 * A Toxiproxy server on this machine or reachable from it (the process and external providers): it
 * reaches the database at its published host port, and proxies listen on a free port it picks.
 */
final class LocalToxiproxyServer extends ToxiproxyServer {

    private final ToxiproxyClient client;
    private final String upstream;
    private final String host;
    private final Process process;

    /** @param process the server's process, stopped on close; null for a server Parity did not start */
    LocalToxiproxyServer(String host, int apiPort, String upstream, Process process) {
        this.client = new ToxiproxyClient(host, apiPort);
        this.host = host;
        this.upstream = upstream;
        this.process = process;
    }

    @Override
    public ToxiproxyClient client() {
        return client;
    }

    @Override
    protected String upstream() {
        return upstream;
    }

    @Override
    protected String listenAddress() {
        return (process != null ? "127.0.0.1" : "0.0.0.0") + ":0"; // the server picks a free port and reports it back
    }

    @Override
    protected Endpoint endpointFor(Proxy proxy) {
        String listen = proxy.getListen();
        return new Endpoint(process != null ? "127.0.0.1" : host, Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
    }

    @Override
    public void close() {
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
        }
    }
}
