package dev.parity.profile;

import org.apiguardian.api.API;

/**
 * Where a value was written: the profile file as the user knows it, and a 1-based line.
 */
@API(status = API.Status.INTERNAL)
public record Location(String file, int line) {

    /** A location for problems that belong to the file as a whole. */
    public static Location of(String file) {
        return new Location(file, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ", line " + line : file;
    }
}
