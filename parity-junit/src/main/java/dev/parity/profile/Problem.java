package dev.parity.profile;

import org.apiguardian.api.API;

/**
 * One thing wrong with a profile file: where, what, and how to fix it.
 */
@API(status = API.Status.INTERNAL)
public record Problem(Location where, String what, String fix) {

    String describe() {
        return fix.isEmpty() ? what : what + ". " + fix;
    }
}
