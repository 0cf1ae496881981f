package dev.parity.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values for a column nobody configured, chosen by its type, its CHECK limits and its name: an
 * {@code email} column gets e-mail addresses, a {@code balance numeric(12,2)} amounts with two decimals,
 * a {@code created_at} recent timestamps. Returns null for types Parity does not know.
 */
final class TypeGenerators {

    private static final Set<String> TEXT = Set.of("text", "varchar", "bpchar", "citext", "name", "char");
    private static final Pattern WORDS = Pattern.compile("[_\\s]+|(?<=[a-z0-9])(?=[A-Z])");
    private static final long MAX_UNSCALED = 999_999_999_999_999_999L;

    private final FakerPools pools;

    TypeGenerators(FakerPools pools) {
        this.pools = pools;
    }

    static boolean isText(String type) {
        return TEXT.contains(type);
    }

    static boolean isInteger(String type) {
        return type.equals("int2") || type.equals("int4") || type.equals("int8");
    }

    static boolean isNumber(String type) {
        return isInteger(type) || type.equals("numeric") || type.equals("float4") || type.equals("float8") || type.equals("money");
    }

    /** Values for {@code column}, or null when Parity cannot make its type. */
    ColumnValues forColumn(ColumnInfo column, ColumnLimits limits) {
        String name = column.name().toLowerCase(Locale.ROOT);
        if (limits.allowed() != null) {
            List<String> allowed = limits.allowed();
            return ColumnValues.of((row, r) -> allowed.get(r.nextInt(allowed.size())));
        }
        if (column.isEnum()) {
            List<String> labels = column.enumLabels();
            return ColumnValues.of((row, r) -> labels.get(r.nextInt(labels.size())));
        }
        if (column.isArray()) {
            return array(column);
        }
        String type = column.type();
        if (isText(type)) {
            return new ColumnValues(text(name, column.length()), textExtremes(column.length(), limits), true);
        }
        if (isInteger(type)) {
            return integer(name, type, limits);
        }
        switch (type) {
            case "numeric":
                return decimal(name, column.precision(), column.scale(), limits);
            case "money":
                return decimal(name, 15, 2, limits);
            case "float4":
            case "float8":
                return floating(type, limits);
            case "bool":
                return ColumnValues.of((row, r) -> r.nextInt(10) < 6 ? "t" : "f");
            case "date":
                return date(name);
            case "timestamp":
            case "timestamptz":
                return timestamp(name, type.equals("timestamptz"));
            case "time":
            case "timetz":
                String zone = type.equals("timetz") ? "+00" : "";
                return new ColumnValues((row, r) -> Formats.timestamp(r.nextLong(86_400L), 0).substring(11) + zone,
                        List.of("00:00:00" + zone, "23:59:59.999999" + zone, "24:00:00" + zone), false);
            case "interval":
                return new ColumnValues((row, r) -> r.nextInt(400) + " days " + Formats.timestamp(r.nextLong(86_400L), 0).substring(11),
                        List.of("00:00:00", "100 years", "-100 years", "1 microsecond"), false);
            case "uuid":
                return ColumnValues.of((row, r) -> Formats.uuid(r.nextLong(), r.nextLong()));
            case "json":
            case "jsonb":
                return json();
            case "bytea":
                return new ColumnValues((row, r) -> {
                    byte[] bytes = new byte[r.nextInt(17)];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) r.nextInt(256);
                    }
                    return "\\x" + Formats.hex(bytes);
                }, List.of("\\x", "\\x00", "\\x" + "ff".repeat(1024)), false);
            case "inet":
                return new ColumnValues((row, r) -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256),
                        List.of("0.0.0.0", "255.255.255.255", "::1", "2001:db8::ff00:42:8329"), false);
            case "cidr":
                return new ColumnValues((row, r) -> "10." + r.nextInt(256) + ".0.0/16", List.of("0.0.0.0/0", "::/0"), false);
            case "macaddr":
                return ColumnValues.of((row, r) -> String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x",
                        r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            case "xml":
                FakerPools.Pool words = pools.pool("#{Lorem.word}");
                return ColumnValues.of((row, r) -> "<note>" + words.pick(r) + "</note>");
            default:
                return null;
        }
    }

    /** Values unique per row, for a key column that is not a foreign key; null when its type cannot be. */
    ValueGenerator unique(ColumnInfo column, ColumnLimits limits, long offset, ValueGenerator base) {
        String type = column.type();
        if (isInteger(type) || type.equals("numeric")) {
            long first = Math.max(1, lowest(limits, 0)) + offset;
            return (row, r) -> Long.toString(first + row);
        }
        if (isText(type)) {
            ValueGenerator prefix = base != null ? base : text(column.name().toLowerCase(Locale.ROOT), column.length());
            int max = column.length();
            return (row, r) -> withSuffix(prefix.next(row, r), Long.toString(row + offset, 36), max);
        }
        switch (type) {
            case "uuid":
                // mix is a bijection, so distinct rows give distinct high halves
                return (row, r) -> Formats.uuid(CellRandom.mix(row + offset), r.nextLong());
            case "date":
                return (row, r) -> Formats.date(LocalDate.of(2000, 1, 1).toEpochDay() + row + offset);
            case "timestamp":
                return (row, r) -> Formats.timestamp(946_684_800L + row + offset, 0);
            case "timestamptz":
                return (row, r) -> Formats.timestamp(946_684_800L + row + offset, 0) + "+00";
            default:
                return null;
        }
    }

    /** "value-suffix" within {@code max} characters, the suffix kept whole; e-mail addresses get "+suffix@". */
    static String withSuffix(String value, String suffix, int max) {
        int at = value.indexOf('@');
        if (at > 0 && (max < 0 || value.length() + suffix.length() + 1 <= max)) {
            return value.substring(0, at) + "+" + suffix + value.substring(at);
        }
        if (max >= 0 && suffix.length() + 1 > max) {
            return Formats.truncate(suffix, max);
        }
        return Formats.truncate(value, max < 0 ? -1 : max - suffix.length() - 1) + "-" + suffix;
    }

    private ValueGenerator text(String name, int length) {
        List<String> words = List.of(WORDS.split(name));
        if (has(words, "email", "mail")) {
            FakerPools.Pool first = pools.pool("#{Name.firstName}");
            FakerPools.Pool last = pools.pool("#{Name.lastName}");
            FakerPools.Pool domains = pools.pool("#{Internet.domainName}");
            return (row, r) -> {
                String separator = r.nextInt(3) == 0 ? "_" : ".";
                int number = r.nextInt(4) == 0 ? r.nextInt(1000) : -1;
                return first.pickLowerCase(r) + separator + last.pickLowerCase(r) + (number >= 0 ? Integer.toString(number) : "") + "@" + domains.pick(r);
            };
        }
        if (has(words, "first", "firstname", "given", "forename")) {
            return pick("#{Name.firstName}", length);
        }
        if (has(words, "last", "lastname", "surname", "family")) {
            return pick("#{Name.lastName}", length);
        }
        if (has(words, "username", "login", "handle", "nickname") || words.contains("user") && words.contains("name")) {
            return pick("#{Internet.username}", length);
        }
        if (has(words, "phone", "mobile", "tel", "telephone", "fax", "cell")) {
            return pick("#{PhoneNumber.phoneNumber}", length);
        }
        if (has(words, "city", "town")) {
            return pick("#{Address.city}", length);
        }
        if (has(words, "country")) {
            return pick(length >= 0 && length <= 3 ? "#{Address.countryCode}" : "#{Address.country}", length);
        }
        if (has(words, "state", "province", "region")) {
            return pick("#{Address.state}", length);
        }
        if (has(words, "zip", "postal", "postcode", "zipcode")) {
            return pick("#{Address.zipCode}", length);
        }
        if (has(words, "street", "address")) {
            return pick("#{Address.streetAddress}", length);
        }
        if (has(words, "url", "website", "homepage", "link", "uri")) {
            return pick("#{Internet.url}", length);
        }
        if (has(words, "domain", "host", "hostname")) {
            return pick("#{Internet.domainName}", length);
        }
        if (has(words, "company", "employer", "organization", "organisation", "vendor", "supplier")) {
            return pick("#{Company.name}", length);
        }
        if (has(words, "currency")) {
            return pick(length >= 0 && length <= 3 ? "#{Money.currencyCode}" : "#{Money.currency}", length);
        }
        if (has(words, "color", "colour")) {
            return pick("#{Color.name}", length);
        }
        if (has(words, "title", "subject", "headline")) {
            return pick("#{Book.title}", length);
        }
        if (has(words, "description", "notes", "note", "comment", "comments", "bio", "body", "message", "text", "summary", "remarks", "details")) {
            return pick("#{Lorem.sentence}", length);
        }
        if (has(words, "name", "fullname", "author", "contact", "customer", "owner", "person")) {
            FakerPools.Pool first = pools.pool("#{Name.firstName}");
            FakerPools.Pool last = pools.pool("#{Name.lastName}");
            return (row, r) -> Formats.truncate(first.pick(r) + " " + last.pick(r), length);
        }
        return pick("#{Lorem.word}", length);
    }

    private ValueGenerator pick(String expression, int length) {
        FakerPools.Pool pool = pools.pool(expression);
        return length < 0 ? (row, r) -> pool.pick(r) : (row, r) -> Formats.truncate(pool.pick(r), length);
    }

    private static boolean has(List<String> words, String... any) {
        for (String word : any) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> textExtremes(int length, ColumnLimits limits) {
        int max = limits.maxLength() >= 0 ? (length >= 0 ? Math.min(length, limits.maxLength()) : limits.maxLength()) : length;
        List<String> extremes = new ArrayList<>();
        extremes.add("");
        extremes.add("x");
        // at the column's maximum length, in characters that take 1, 2, 3 and 4 bytes
        // unbounded text gets 1000 characters: long, yet short of TOAST, which would slow every load down
        int longest = max >= 0 ? max : 1000;
        extremes.add(Formats.truncate("Ab1 é€😀".repeat(longest / 7 + 1), longest));
        extremes.add("W".repeat(longest));
        return extremes;
    }

    private ColumnValues integer(String name, String type, ColumnLimits limits) {
        long typeMin = type.equals("int2") ? Short.MIN_VALUE : type.equals("int4") ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long typeMax = type.equals("int2") ? Short.MAX_VALUE : type.equals("int4") ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long lo = Math.max(typeMin, lowest(limits, 0));
        long hi = Math.min(typeMax, highest(limits, 0));
        long[] usual = usualIntegers(name);
        long from = Math.max(lo, usual[0]);
        long to = Math.min(hi, usual[1]);
        if (from > to) {
            from = lo;
            to = lo <= hi - 1000 ? lo + 1000 : hi;
        }
        long first = from;
        long span = to - from + 1;
        return new ColumnValues((row, r) -> Long.toString(first + r.nextLong(span)), extremes(lo, hi, 0), false);
    }

    private static long[] usualIntegers(String name) {
        List<String> words = List.of(WORDS.split(name));
        if (has(words, "age")) {
            return new long[] {18, 95};
        }
        if (has(words, "year")) {
            return new long[] {1950, 2030};
        }
        if (has(words, "qty", "quantity", "count", "stock", "amount", "units")) {
            return new long[] {1, 100};
        }
        if (has(words, "rating", "stars", "score", "rank", "priority", "level")) {
            return new long[] {1, 5};
        }
        if (has(words, "percent", "percentage", "pct")) {
            return new long[] {0, 100};
        }
        if (has(words, "id") || name.endsWith("id")) {
            return new long[] {1, 1_000_000};
        }
        return new long[] {0, 100_000};
    }

    /** Lowest unscaled value (value * 10^scale) the limits allow, or Long.MIN_VALUE. */
    private static long lowest(ColumnLimits limits, int scale) {
        if (limits.min() == null) {
            return Long.MIN_VALUE;
        }
        BigDecimal scaled = limits.min().movePointRight(scale);
        BigDecimal ceiling = scaled.setScale(0, RoundingMode.CEILING);
        if (limits.minExclusive() && ceiling.compareTo(scaled) == 0) {
            ceiling = ceiling.add(BigDecimal.ONE);
        }
        return clamp(ceiling.toBigInteger());
    }

    private static long highest(ColumnLimits limits, int scale) {
        if (limits.max() == null) {
            return Long.MAX_VALUE;
        }
        BigDecimal scaled = limits.max().movePointRight(scale);
        BigDecimal floor = scaled.setScale(0, RoundingMode.FLOOR);
        if (limits.maxExclusive() && floor.compareTo(scaled) == 0) {
            floor = floor.subtract(BigDecimal.ONE);
        }
        return clamp(floor.toBigInteger());
    }

    private static long clamp(BigInteger value) {
        return value.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    private static List<String> extremes(long lo, long hi, int scale) {
        List<String> extremes = new ArrayList<>();
        for (long candidate : new long[] {lo, hi, 0, 1, -1}) {
            String text = Formats.decimal(candidate, scale);
            if (candidate >= lo && candidate <= hi && !extremes.contains(text)) {
                extremes.add(text);
            }
        }
        return extremes;
    }

    private ColumnValues decimal(String name, int precision, int scale, ColumnLimits limits) {
        boolean unconstrained = precision < 0;
        int s = unconstrained ? 2 : scale;
        int integerDigits = unconstrained ? 16 : precision - scale;
        long typeMax = integerDigits + s >= 18 ? MAX_UNSCALED : BigInteger.TEN.pow(integerDigits + s).longValueExact() - 1;
        long lo = Math.max(-typeMax, lowest(limits, s));
        long hi = Math.min(typeMax, highest(limits, s));
        long unit = BigInteger.TEN.pow(s).longValueExact();
        List<String> words = List.of(WORDS.split(name));
        long usualLo;
        long usualHi;
        if (has(words, "balance")) {
            usualLo = -1_000 * unit;
            usualHi = 50_000 * unit;
        } else if (has(words, "rate", "ratio", "share", "probability", "weight")) {
            usualLo = 0;
            usualHi = unit;
        } else {
            usualLo = 0;
            usualHi = 10_000 * unit; // amounts, prices, totals, costs: most are small
        }
        long from = Math.max(lo, usualLo);
        long to = Math.min(hi, usualHi);
        if (from > to) {
            from = lo;
            to = hi;
        }
        long first = from;
        long last = to;
        long span = to - from + 1;
        List<String> extremes = extremes(lo, hi, s);
        if (unconstrained && limits.min() == null && limits.max() == null) {
            extremes.add("123456789012345678901234567890.123456789012345");
            extremes.add("-123456789012345678901234567890.123456789012345");
            extremes.add("0.000000000000000000000000000001");
        }
        boolean skewed = span > 100 * unit;
        long negatives = Math.max(0, Math.min(last, -1) - first + 1);
        return new ColumnValues((row, r) -> {
            if (!skewed) {
                return Formats.decimal(first + r.nextLong(span), s);
            }
            // amounts follow roughly a log-uniform law: many small ones, a few large; one in ten below zero where allowed
            boolean negative = negatives > 0 && (negatives == span || r.nextInt(10) == 0);
            long low = negative ? 0 : Math.max(0, first);
            long high = negative ? negatives : last - low + 1;
            // log-uniform from one unit (1.00) up: exact zeros and cents stay rare, as in production
            double floor = Math.log(Math.min(unit, high - 1) + 1.0);
            long magnitude = Math.min(high - 1, (long) Math.exp(floor + r.nextDouble() * (Math.log(high) - floor)) - 1);
            return Formats.decimal(negative ? Math.min(last, -1) - magnitude : low + magnitude, s);
        }, extremes, false);
    }

    private static ColumnValues floating(String type, ColumnLimits limits) {
        double lo = limits.min() == null ? 0 : limits.min().doubleValue() + (limits.minExclusive() ? 1e-6 : 0);
        double hi = limits.max() == null ? lo + 1000 : limits.max().doubleValue() - (limits.maxExclusive() ? 1e-6 : 0);
        List<String> extremes = new ArrayList<>();
        if (!limits.hasRange()) {
            extremes.addAll(type.equals("float4") ? List.of("3.4e38", "-3.4e38", "1e-37", "0", "-0") : List.of("1e308", "-1e308", "1e-307", "0", "-0"));
        } else {
            extremes.add(Double.toString(lo));
            extremes.add(Double.toString(hi));
        }
        return new ColumnValues((row, r) -> Double.toString(lo + r.nextDouble() * (hi - lo)), extremes, false);
    }

    private static final List<String> DATE_EXTREMES = List.of("0001-01-01", "9999-12-31", "1970-01-01", "1900-01-01", "2000-02-29",
            "2024-02-29", "2024-03-10", "2024-03-31", "2024-10-27", "2024-11-03", "2038-01-19");

    private static ColumnValues date(String name) {
        List<String> words = List.of(WORDS.split(name));
        boolean birth = has(words, "birth", "dob", "birthday", "born");
        long from = (birth ? LocalDate.of(1930, 1, 1) : LocalDate.of(2000, 1, 1)).toEpochDay();
        long to = (birth ? LocalDate.of(2008, 12, 31) : LocalDate.of(2030, 12, 31)).toEpochDay();
        return new ColumnValues((row, r) -> Formats.date(from + r.nextLong(to - from + 1)), DATE_EXTREMES, false);
    }

    private static ColumnValues timestamp(String name, boolean zoned) {
        List<String> words = List.of(WORDS.split(name));
        boolean recent = has(words, "created", "updated", "modified", "deleted", "at", "last", "seen");
        long from = (recent ? LocalDate.of(2020, 1, 1) : LocalDate.of(2000, 1, 1)).toEpochDay() * 86_400L;
        long to = LocalDate.of(recent ? 2026 : 2031, 1, 1).toEpochDay() * 86_400L;
        String zone = zoned ? "+00" : "";
        List<String> extremes = zoned
                ? List.of("0001-01-01 00:00:00+00", "9999-12-31 23:59:59.999999+00", "1970-01-01 00:00:00+00", "2038-01-19 03:14:08+00",
                        "2024-02-29 23:59:59+05:30", "2024-03-31 02:30:00 Europe/Berlin", "2024-10-27 02:30:00 Europe/Berlin",
                        "2024-03-10 02:30:00 America/New_York", "2024-11-03 01:30:00 America/New_York", "1900-01-01 00:00:00-03")
                : List.of("0001-01-01 00:00:00", "9999-12-31 23:59:59.999999", "1970-01-01 00:00:00", "2038-01-19 03:14:08",
                        "2000-02-29 00:00:00", "2024-02-29 12:00:00", "2024-03-10 02:30:00", "2024-03-31 02:30:00", "2024-11-03 01:30:00");
        return new ColumnValues((row, r) -> {
            long second = from + r.nextLong(to - from);
            return Formats.timestamp(second, r.nextInt(4) == 0 ? r.nextInt(1_000_000) : 0) + zone;
        }, extremes, false);
    }

    private ColumnValues json() {
        FakerPools.Pool words = pools.pool("#{Lorem.word}");
        return new ColumnValues((row, r) -> "{\"id\": " + r.nextInt(1_000_000) + ", \"tag\": \"" + words.pick(r) + "\", \"active\": "
                + (r.nextInt(2) == 0) + ", \"score\": " + r.nextInt(100) / 10.0 + "}",
                List.of("{}", "[]", "null", "\"\"", "{\"a\": {\"b\": {\"c\": {\"d\": [1, [2, [3, [4]]]]}}}}",
                        "{\"name\": \"Zoë \\u00e9 😀 \\\"quoted\\\" \\\\ \\n\", \"n\": 1e308}"), false);
    }

    private ColumnValues array(ColumnInfo column) {
        String elementType = column.elementType();
        ColumnInfo element = new ColumnInfo(column.name(), elementType, -1, -1, -1, false, null, false, column.enumLabels(), null, elementType);
        ColumnValues elements = forColumn(element, ColumnLimits.NONE);
        if (elements == null) {
            return null;
        }
        boolean quote = isText(elementType) || !column.enumLabels().isEmpty() || elementType.startsWith("json") || elementType.startsWith("time")
                || elementType.equals("date") || elementType.equals("bytea");
        ValueGenerator items = elements.generator();
        return new ColumnValues((row, r) -> {
            int count = r.nextInt(4);
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < count; i++) {
                String item = items.next(row, r);
                if (i > 0) {
                    text.append(',');
                }
                if (quote) {
                    text.append('"').append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                } else {
                    text.append(item);
                }
            }
            return text.append('}').toString();
        }, List.of("{}", "{NULL}"), false);
    }
}
