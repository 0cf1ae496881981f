package dev.parity.config;

import org.apiguardian.api.API;

/**
 * Where something was written: a file as the user knows it and a 1-based line, or (line 0) a place
 * without lines, such as {@code @Dataset(table = "orders") on com.example.OrderTest}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Location(String file, int line) {

    /** A place without a line: a whole file, or an annotation on a class or method. */
    public static Location of(String place) {
        return new Location(place, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ", line " + line : file;
    }
}
