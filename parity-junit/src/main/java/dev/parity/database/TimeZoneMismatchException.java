package dev.parity.database;

import org.apiguardian.api.API;

/** The JVM, a session and the server disagree on the time zone; the message names each layer, its value and where it came from. */
@API(status = API.Status.INTERNAL, since = "0.1")
public class TimeZoneMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TimeZoneMismatchException(String message) {
        super(message);
    }
}
