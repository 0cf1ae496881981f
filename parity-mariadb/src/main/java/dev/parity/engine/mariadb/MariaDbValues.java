package dev.parity.engine.mariadb;

import dev.parity.engine.ValueSyntax;
import java.util.HexFormat;
import java.util.List;

/** MariaDB's forms: {@code 1}/{@code 0}, bytes as hex that {@code LOAD DATA} decodes with {@code UNHEX}, no arrays. */
final class MariaDbValues implements ValueSyntax {

    @Override
    public String bool(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public String bytes(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Literals are read in the session's zone; an offset is not accepted. */
    @Override
    public boolean zonesInLiterals() {
        return false;
    }

    @Override
    public String bits(long value, int width) {
        return Long.toString(value);
    }

    @Override
    public String array(List<String> items, boolean quoteItems) {
        throw new UnsupportedOperationException("MariaDB has no array types");
    }
}
