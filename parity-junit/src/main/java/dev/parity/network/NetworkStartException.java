package dev.parity.network;

import org.apiguardian.api.API;

/** A Toxiproxy server that could not be started or reached; the message says how to fix it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public class NetworkStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NetworkStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
