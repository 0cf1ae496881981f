package dev.parity.engine;

import org.apiguardian.api.API;

/** Something the engine was asked to do failed; the message says what and how to fix it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
