package dev.parity.profile;

import org.apiguardian.api.API;

/**
 * One validated profile, with everything it inherits through {@code extends} already merged in.
 *
 * @param name     the profile's name in the file
 * @param source   the file it was read from
 * @param database its database
 */
@API(status = API.Status.INTERNAL)
public record Profile(String name, String source, DatabaseSpec database) {
}
