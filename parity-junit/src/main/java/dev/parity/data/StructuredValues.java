package dev.parity.data;

import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnType;
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
        return new ColumnValues(
                (row, r) ->
                        "{\"id\": "
                                + r.nextInt(1_000_000)
                                + ", \"tag\": \""
                                + words.pick(r)
                                + "\", \"active\": "
                                + (r.nextInt(2) == 0)
                                + ", \"score\": "
                                + r.nextInt(100) / 10.0
                                + "}",
                List.of(
                        "{}",
                        "[]",
                        "null",
                        "\"\"",
                        "{\"a\": {\"b\": {\"c\": {\"d\": [1, [2, [3, [4]]]]}}}}",
                        "{\"name\": \"Zoë \\u00e9 😀 \\\"quoted\\\" \\\\ \\n\", \"n\": 1e308}"),
                false);
    }

    /** Up to three elements of the element type's values; an array is never messy as a whole, only empty or holding a NULL. */
    ColumnValues array(ColumnValues elements, ColumnType element) {
        ColumnType.Kind kind = element.kind();
        // numbers and booleans stand bare; anything else may hold spaces, commas, braces or quotes
        boolean quote =
                kind != ColumnType.Kind.INTEGER
                        && kind != ColumnType.Kind.DECIMAL
                        && kind != ColumnType.Kind.FLOAT
                        && kind != ColumnType.Kind.DOUBLE
                        && kind != ColumnType.Kind.BOOLEAN
                        && kind != ColumnType.Kind.BIT;
        ValueGenerator items = elements.generator();
        List<String> nullItem = new ArrayList<>();
        nullItem.add(null);
        return new ColumnValues(
                (row, r) -> {
                    int count = r.nextInt(4);
                    List<String> values = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        values.add(items.next(row, r));
                    }
                    return syntax.array(values, quote);
                },
                List.of(syntax.array(List.of(), false), syntax.array(nullItem, false)),
                false);
    }

    ColumnValues bytes(ColumnType type) {
        int longest = type.length() > 0 ? Math.min(16, type.length()) : 16;
        int extreme = type.length() > 0 ? Math.min(1024, type.length()) : 1024;
        byte[] ones = new byte[extreme];
        java.util.Arrays.fill(ones, (byte) 0xff);
        return new ColumnValues(
                (row, r) -> {
                    byte[] bytes = new byte[r.nextInt(longest + 1)];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) r.nextInt(256);
                    }
                    return syntax.bytes(bytes);
                },
                List.of(syntax.bytes(new byte[0]), syntax.bytes(new byte[1]), syntax.bytes(ones)),
                false);
    }

    static ColumnValues uuid() {
        return ColumnValues.of((row, r) -> Formats.uuid(r.nextLong(), r.nextLong()));
    }

    static ColumnValues inet() {
        return new ColumnValues(
                (row, r) -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256),
                List.of("0.0.0.0", "255.255.255.255", "::1", "2001:db8::ff00:42:8329"),
                false);
    }

    static ColumnValues cidr() {
        return new ColumnValues(
                (row, r) -> "10." + r.nextInt(256) + ".0.0/16",
                List.of("0.0.0.0/0", "::/0"),
                false);
    }

    /** @param octets 6 ({@code macaddr}) or 8 ({@code macaddr8}) */
    static ColumnValues macaddr(int octets) {
        return ColumnValues.of(
                (row, r) -> {
                    StringBuilder address = new StringBuilder();
                    for (int i = 0; i < octets; i++) {
                        address.append(i == 0 ? "" : ":")
                                .append(String.format(Locale.ROOT, "%02x", r.nextInt(256)));
                    }
                    return address.toString();
                });
    }

    /**
     * A range {@code [low,high)} of two of the subtype's values in order (equal ones make an empty range); its
     * extremes are the empty and the unbounded range.
     */
    static ColumnValues range(ColumnValues bounds, ColumnType subtype) {
        boolean numeric =
                subtype.kind() == ColumnType.Kind.INTEGER
                        || subtype.kind() == ColumnType.Kind.DECIMAL
                        || subtype.kind() == ColumnType.Kind.FLOAT
                        || subtype.kind() == ColumnType.Kind.DOUBLE;
        ValueGenerator values = bounds.generator();
        return new ColumnValues(
                (row, r) -> {
                    String a = values.next(row, r);
                    String b = values.next(row, r);
                    int order =
                            numeric
                                    ? new java.math.BigDecimal(a)
                                            .compareTo(new java.math.BigDecimal(b))
                                    : a.compareTo(b);
                    return "["
                            + quoted(order <= 0 ? a : b)
                            + ","
                            + quoted(order <= 0 ? b : a)
                            + ")";
                },
                List.of("empty", "(,)"),
                false);
    }

    /** A row {@code (f1,f2,...)} of each field's values, every field quoted. */
    static ColumnValues composite(List<ColumnValues> fields) {
        List<ValueGenerator> generators = fields.stream().map(ColumnValues::generator).toList();
        return ColumnValues.of(
                (row, r) -> {
                    StringBuilder text = new StringBuilder("(");
                    for (int i = 0; i < generators.size(); i++) {
                        text.append(i == 0 ? "" : ",")
                                .append(quoted(generators.get(i).next(row, r)));
                    }
                    return text.append(')').toString();
                });
    }

    /** A double-quoted element of a row or a range; an empty one is NULL. */
    private static String quoted(String value) {
        return value == null ? "" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One to five words as full-text lexemes, joined by {@code separator} ({@code tsvector}: a space; {@code tsquery}: {@code &}). */
    ColumnValues lexemes(String separator) {
        FakerPools.Pool words = pools.pool("#{Lorem.word}");
        return ColumnValues.of(
                (row, r) -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = r.nextInt(5); i >= 0; i--) {
                        text.append(text.length() == 0 ? "" : separator)
                                .append('\'')
                                .append(words.pick(r).replace("'", "''"))
                                .append('\'');
                    }
                    return text.toString();
                });
    }

    /** Up to three {@code "kN"=>"word"} pairs. */
    ColumnValues hstore() {
        FakerPools.Pool words = pools.pool("#{Lorem.word}");
        return new ColumnValues(
                (row, r) -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = r.nextInt(4); i > 0; i--) {
                        text.append(text.length() == 0 ? "" : ", ")
                                .append("\"k")
                                .append(i)
                                .append("\"=>")
                                .append(quoted(words.pick(r)));
                    }
                    return text.toString();
                },
                List.of("", "\"k\"=>NULL"),
                false);
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
        return ColumnValues.of(
                (row, r) -> {
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
