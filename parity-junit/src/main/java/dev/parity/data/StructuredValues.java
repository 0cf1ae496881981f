package dev.parity.data;

import dev.parity.engine.ColumnType;
import dev.parity.engine.ValueSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** JSON, arrays, bytes, UUIDs, network addresses, XML, enums and sets: values of a shape, and their odd cases. */
final class StructuredValues {

    private final FakerPools pools;
    private final ValueSyntax syntax;

    StructuredValues(FakerPools pools, ValueSyntax syntax) {
        this.pools = pools;
        this.syntax = syntax;
    }

    ColumnValues json() {
        FakerPools.Pool words = pools.pool("#{Lorem.word}");
        return new ColumnValues((row, r) -> "{\"id\": " + r.nextInt(1_000_000) + ", \"tag\": \"" + words.pick(r) + "\", \"active\": "
                + (r.nextInt(2) == 0) + ", \"score\": " + r.nextInt(100) / 10.0 + "}",
                List.of("{}", "[]", "null", "\"\"", "{\"a\": {\"b\": {\"c\": {\"d\": [1, [2, [3, [4]]]]}}}}",
                        "{\"name\": \"Zoë \\u00e9 😀 \\\"quoted\\\" \\\\ \\n\", \"n\": 1e308}"), false);
    }

    /** Up to three elements of the element type's values; an array is never messy as a whole, only empty or holding a NULL. */
    ColumnValues array(ColumnValues elements, ColumnType element) {
        ColumnType.Kind kind = element.kind();
        boolean quote = kind == ColumnType.Kind.TEXT || kind == ColumnType.Kind.ENUM || kind == ColumnType.Kind.JSON
                || kind == ColumnType.Kind.DATE || kind == ColumnType.Kind.TIMESTAMP || kind == ColumnType.Kind.TIMESTAMP_TZ
                || kind == ColumnType.Kind.TIME || kind == ColumnType.Kind.TIME_TZ || kind == ColumnType.Kind.BYTES;
        ValueGenerator items = elements.generator();
        List<String> nullItem = new ArrayList<>();
        nullItem.add(null);
        return new ColumnValues((row, r) -> {
            int count = r.nextInt(4);
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(items.next(row, r));
            }
            return syntax.array(values, quote);
        }, List.of(syntax.array(List.of(), false), syntax.array(nullItem, false)), false);
    }

    ColumnValues bytes(ColumnType type) {
        int longest = type.length() > 0 ? Math.min(16, type.length()) : 16;
        int extreme = type.length() > 0 ? Math.min(1024, type.length()) : 1024;
        byte[] ones = new byte[extreme];
        java.util.Arrays.fill(ones, (byte) 0xff);
        return new ColumnValues((row, r) -> {
            byte[] bytes = new byte[r.nextInt(longest + 1)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) r.nextInt(256);
            }
            return syntax.bytes(bytes);
        }, List.of(syntax.bytes(new byte[0]), syntax.bytes(new byte[1]), syntax.bytes(ones)), false);
    }

    static ColumnValues uuid() {
        return ColumnValues.of((row, r) -> Formats.uuid(r.nextLong(), r.nextLong()));
    }

    static ColumnValues inet() {
        return new ColumnValues((row, r) -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256),
                List.of("0.0.0.0", "255.255.255.255", "::1", "2001:db8::ff00:42:8329"), false);
    }

    static ColumnValues cidr() {
        return new ColumnValues((row, r) -> "10." + r.nextInt(256) + ".0.0/16", List.of("0.0.0.0/0", "::/0"), false);
    }

    static ColumnValues macaddr() {
        return ColumnValues.of((row, r) -> String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x",
                r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
    }

    ColumnValues xml() {
        FakerPools.Pool words = pools.pool("#{Lorem.word}");
        return ColumnValues.of((row, r) -> "<note>" + words.pick(r) + "</note>");
    }

    /** One of the labels: enums, and values a CHECK lists. */
    static ColumnValues oneOf(List<String> labels) {
        return ColumnValues.of((row, r) -> labels.get(r.nextInt(labels.size())));
    }

    /** A set: each label in or out, joined by commas, empty sometimes. */
    static ColumnValues subsetOf(List<String> labels) {
        return ColumnValues.of((row, r) -> {
            StringBuilder set = new StringBuilder();
            for (String label : labels) {
                if (r.nextInt(3) == 0) {
                    set.append(set.length() == 0 ? "" : ",").append(label);
                }
            }
            return set.toString();
        });
    }
}
