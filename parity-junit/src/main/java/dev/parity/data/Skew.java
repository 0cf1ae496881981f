package dev.parity.data;

import org.apiguardian.api.API;

/** How the rows of a referencing table spread over the rows they reference. */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum Skew {

    /** Every referenced row equally likely. */
    UNIFORM,

    /**
     * Zipf-like (exponent 1): the k-th referenced row is picked about 1/k as often as the first, so a few
     * rows (the first ones) own most references, as a few customers own most orders.
     */
    ZIPF;

    /** The enum for its YAML spelling ({@code uniform}, {@code zipf}), or null if there is none. */
    public static Skew byName(String name) {
        for (Skew skew : values()) {
            if (skew.name().equalsIgnoreCase(name)) {
                return skew;
            }
        }
        return null;
    }
}
