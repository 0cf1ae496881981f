package dev.parity.clock;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A zone id, language tag or instant that cannot be pinned. The message says what was wrong and how to fix it;
 * it is thrown before any JVM-global state has been changed.
 */
@API(status = INTERNAL, since = "0.1")
public final class InvalidClockPinException extends IllegalArgumentException {

    InvalidClockPinException(String message) {
        super(message);
    }

    InvalidClockPinException(String message, Throwable cause) {
        super(message, cause);
    }
}
