package dev.parity.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that matches a CHECK's pattern: a LIKE pattern's fixed parts kept, each {@code %} filled with the
 * column's own kind of text and each {@code _} with a letter ({@code 'https://%'} gives
 * {@code https://} + a URL's rest); a regular expression's matches come from Datafaker's {@code regexify}.
 */
final class PatternValues {

    private PatternValues() {}

    /** Values for {@code pattern} (LIKE, {@code \} escaping), its wildcards filled by {@code filler}, within {@code maxLength} (-1: any). */
    static ValueGenerator like(String pattern, ValueGenerator filler, int maxLength) {
        List<String> fixed = new ArrayList<>();
        List<Character> wildcards = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                part.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                fixed.add(part.toString());
                part.setLength(0);
                wildcards.add(c);
            } else {
                part.append(c);
            }
        }
        fixed.add(part.toString());
        int fixedLength =
                fixed.stream().mapToInt(String::length).sum()
                        + (int) wildcards.stream().filter(w -> w == '_').count();
        int percents = (int) wildcards.stream().filter(w -> w == '%').count();
        int room = maxLength < 0 ? -1 : Math.max(0, maxLength - fixedLength);
        return (row, r) -> {
            StringBuilder value = new StringBuilder(fixed.get(0));
            int left = room;
            for (int i = 0; i < wildcards.size(); i++) {
                if (wildcards.get(i) == '_') {
                    value.append((char) ('a' + r.nextInt(26)));
                } else {
                    String fill = filler.next(row, r);
                    fill = fill == null ? "" : fill;
                    int share = left < 0 ? -1 : left / Math.max(1, percents);
                    fill = share < 0 ? fill : Formats.truncate(fill, share);
                    left = left < 0 ? -1 : left - fill.length();
                    value.append(fill);
                }
                value.append(fixed.get(i + 1));
            }
            return value.toString();
        };
    }

    /** Values matching {@code regex}, from a pool of Datafaker's matches, within {@code maxLength} (-1: any). */
    static ValueGenerator regex(FakerPools.Pool pool, int maxLength) {
        return maxLength < 0
                ? (row, r) -> pool.pick(r)
                : (row, r) -> Formats.truncate(pool.pick(r), maxLength);
    }
}
