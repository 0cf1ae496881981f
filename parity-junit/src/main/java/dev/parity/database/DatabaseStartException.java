package dev.parity.database;

import org.apiguardian.api.API;

/** A database that could not be started or prepared. Anything already started has been stopped. */
@API(status = API.Status.INTERNAL)
public class DatabaseStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
