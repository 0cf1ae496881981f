package dev.parity.database;

import java.util.Optional;

/** Reads {@code df -Pk}'s POSIX output: a header, then one line whose fourth field is the free space in KiB. */
final class DiskFree {

    private DiskFree() {}

    static Optional<Long> parse(String output) {
        String[] lines = output.strip().split("\n");
        if (lines.length < 2) {
            return Optional.empty();
        }
        String[] fields = lines[lines.length - 1].strip().split("\\s+");
        try {
            return fields.length >= 4
                    ? Optional.of(Long.parseLong(fields[3]) * 1024)
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
