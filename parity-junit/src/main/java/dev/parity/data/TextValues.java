package dev.parity.data;

import dev.parity.engine.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;

/** Text chosen by the column's name (see {@link NameRules}), and its extremes: empty, one character, the longest allowed. */
final class TextValues {

    /** The longest extreme: a column's own limit up to this many characters. */
    static final int LONGEST = 1000;

    private final FakerPools pools;

    TextValues(FakerPools pools) {
        this.pools = pools;
    }

    ColumnValues of(String columnName, ColumnType type, ColumnLimits limits) {
        return new ColumnValues(generator(columnName, type.length()), extremes(type, limits), true);
    }

    /** Clean text for a column named {@code columnName} of at most {@code length} characters (-1: any). */
    ValueGenerator generator(String columnName, int length) {
        List<String> words = NameRules.words(columnName);
        NameRules.Shape shape = NameRules.shape(words);
        if (shape == NameRules.Shape.EMAIL) {
            FakerPools.Pool first = pools.pool("#{Name.firstName}");
            FakerPools.Pool last = pools.pool("#{Name.lastName}");
            FakerPools.Pool domains = pools.pool("#{Internet.domainName}");
            return (row, r) -> {
                String separator = r.nextInt(3) == 0 ? "_" : ".";
                int number = r.nextInt(4) == 0 ? r.nextInt(1000) : -1;
                return Formats.truncate(
                        first.pickLowerCase(r)
                                + separator
                                + last.pickLowerCase(r)
                                + (number >= 0 ? Integer.toString(number) : "")
                                + "@"
                                + domains.pick(r),
                        length);
            };
        }
        if (shape == NameRules.Shape.USERNAME) {
            return pick("#{Internet.username}", length);
        }
        String expression = NameRules.textExpression(words, length);
        if (expression != null) {
            return pick(expression, length);
        }
        if (NameRules.isPersonName(words)) {
            FakerPools.Pool first = pools.pool("#{Name.firstName}");
            FakerPools.Pool last = pools.pool("#{Name.lastName}");
            return (row, r) -> Formats.truncate(first.pick(r) + " " + last.pick(r), length);
        }
        return pick(NameRules.FALLBACK_TEXT, length);
    }

    private ValueGenerator pick(String expression, int length) {
        FakerPools.Pool pool = pools.pool(expression);
        return length < 0
                ? (row, r) -> pool.pick(r)
                : (row, r) -> Formats.truncate(pool.pick(r), length);
    }

    /**
     * Empty, one character, and the longest allowed in characters of 1 to 4 bytes (those the column's
     * character set holds), up to {@value #LONGEST} characters: unbounded text and very long limits (MariaDB's
     * TEXT holds 16,383 four-byte characters) get {@value #LONGEST}: long, yet short of PostgreSQL's TOAST, and
     * no load spends most of its bytes on padding.
     */
    static List<String> extremes(ColumnType type, ColumnLimits limits) {
        int length = type.length();
        int max =
                limits.maxLength() >= 0
                        ? (length >= 0 ? Math.min(length, limits.maxLength()) : limits.maxLength())
                        : length;
        int longest = max >= 0 ? Math.min(max, LONGEST) : LONGEST;
        String wide =
                switch (type.repertoire()) {
                    case UNICODE -> "Ab1 é€😀";
                    case BMP -> "Ab1 é€Ж";
                    case LATIN1 -> "Ab1 éñø";
                    case ASCII -> "Ab1 xyz";
                };
        List<String> extremes = new ArrayList<>();
        extremes.add("");
        extremes.add("x");
        extremes.add(Formats.truncate(wide.repeat(longest / 7 + 1), longest));
        extremes.add("W".repeat(longest));
        return extremes;
    }
}
