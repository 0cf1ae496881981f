package dev.parity.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column's name says about its values: a table of words and the values they get. An
 * {@code email} column gets e-mail addresses, {@code age} 18 to 95, {@code birth_date} dates from 1930, a
 * {@code balance} amounts that may be negative. The first rule whose words the name contains wins.
 */
final class NameRules {

    private static final Pattern WORDS = Pattern.compile("[_\\s]+|(?<=[a-z0-9])(?=[A-Z])");

    /**
     * A text rule: a name with any of {@code words} gets values of {@code expression}, or of {@code shortExpression}
     * when the column holds 3 characters or fewer (a country code rather than a country).
     */
    record TextRule(Set<String> words, String expression, String shortExpression) {}

    /** Special text shapes that are not a single Datafaker expression. */
    enum Shape {
        EMAIL,
        PERSON_NAME,
        USERNAME
    }

    static final List<TextRule> TEXT =
            List.of(
                    rule("#{Name.firstName}", "first", "firstname", "given", "forename"),
                    rule("#{Name.lastName}", "last", "lastname", "surname", "family"),
                    rule(
                            "#{PhoneNumber.phoneNumber}",
                            "phone",
                            "mobile",
                            "tel",
                            "telephone",
                            "fax",
                            "cell"),
                    rule("#{Address.city}", "city", "town"),
                    new TextRule(Set.of("country"), "#{Address.country}", "#{Address.countryCode}"),
                    rule("#{Address.state}", "state", "province", "region"),
                    rule("#{Address.zipCode}", "zip", "postal", "postcode", "zipcode"),
                    rule("#{Address.streetAddress}", "street", "address"),
                    rule("#{Internet.url}", "url", "website", "homepage", "link", "uri"),
                    rule("#{Internet.domainName}", "domain", "host", "hostname"),
                    rule(
                            "#{Company.name}",
                            "company",
                            "employer",
                            "organization",
                            "organisation",
                            "vendor",
                            "supplier"),
                    new TextRule(Set.of("currency"), "#{Money.currency}", "#{Money.currencyCode}"),
                    rule("#{Color.name}", "color", "colour"),
                    rule("#{Book.title}", "title", "subject", "headline"),
                    rule(
                            "#{Lorem.sentence}",
                            "description",
                            "notes",
                            "note",
                            "comment",
                            "comments",
                            "bio",
                            "body",
                            "message",
                            "text",
                            "summary",
                            "remarks",
                            "details"));

    /** Text that matches no rule. */
    static final String FALLBACK_TEXT = "#{Lorem.word}";

    private static final Set<String> EMAIL = Set.of("email", "mail");
    private static final Set<String> PERSON =
            Set.of("name", "fullname", "author", "contact", "customer", "owner", "person");
    private static final Set<String> USERNAME = Set.of("username", "login", "handle", "nickname");

    /** Integer ranges by name, as [words, from, to]; ids last, as many names end in id. */
    private static final List<Object[]> INTEGERS =
            List.of(
                    new Object[] {Set.of("age"), 18L, 95L},
                    new Object[] {Set.of("year"), 1950L, 2030L},
                    new Object[] {
                        Set.of("qty", "quantity", "count", "stock", "amount", "units"), 1L, 100L
                    },
                    new Object[] {
                        Set.of("rating", "stars", "score", "rank", "priority", "level"), 1L, 5L
                    },
                    new Object[] {Set.of("percent", "percentage", "pct"), 0L, 100L},
                    new Object[] {Set.of("id"), 1L, 1_000_000L});

    private NameRules() {}

    private static TextRule rule(String expression, String... words) {
        return new TextRule(Set.of(words), expression, expression);
    }

    static List<String> words(String columnName) {
        // split where snake_case and camelCase words meet, then compare in lower case
        return List.of(WORDS.split(columnName)).stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** A special shape, checked before {@link #TEXT}; null when none applies. */
    static Shape shape(List<String> words) {
        if (has(words, EMAIL)) {
            return Shape.EMAIL;
        }
        if (has(words, USERNAME) || words.contains("user") && words.contains("name")) {
            return Shape.USERNAME;
        }
        return null;
    }

    /** Whether a text column that matches no {@link #TEXT} rule holds a person's name. */
    static boolean isPersonName(List<String> words) {
        return has(words, PERSON);
    }

    /** The Datafaker expression for a text column named with {@code words}, holding at most {@code length} characters (-1: any). */
    static String textExpression(List<String> words, int length) {
        for (TextRule rule : TEXT) {
            if (has(words, rule.words())) {
                return length >= 0 && length <= 3 ? rule.shortExpression() : rule.expression();
            }
        }
        return null;
    }

    /** The usual range of an integer column, as [from, to]. */
    static long[] integerRange(String columnName, List<String> words) {
        for (Object[] rule : INTEGERS) {
            @SuppressWarnings("unchecked")
            Set<String> ruleWords = (Set<String>) rule[0];
            if (has(words, ruleWords)
                    || ruleWords.contains("id")
                            && columnName.toLowerCase(Locale.ROOT).endsWith("id")) {
                return new long[] {(Long) rule[1], (Long) rule[2]};
            }
        }
        return new long[] {0, 100_000};
    }

    /** The usual range of a decimal column in whole units, as [from, to]. */
    static long[] decimalRange(List<String> words) {
        if (words.contains("balance")) {
            return new long[] {-1_000, 50_000};
        }
        if (has(words, Set.of("rate", "ratio", "share", "probability", "weight"))) {
            return new long[] {0, 1};
        }
        return new long[] {0, 10_000}; // amounts, prices, totals, costs: most are small
    }

    /** The usual dates: births from 1930 to 2008, anything else from 2000 to 2030. */
    static LocalDate[] dateRange(List<String> words) {
        boolean birth = has(words, Set.of("birth", "dob", "birthday", "born"));
        return birth
                ? new LocalDate[] {LocalDate.of(1930, 1, 1), LocalDate.of(2008, 12, 31)}
                : new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31)};
    }

    /** The usual timestamps: recent ones (created, updated, seen) from 2020 to 2026, others from 2000 to 2031. */
    static LocalDate[] timestampRange(List<String> words) {
        boolean recent =
                has(
                        words,
                        Set.of("created", "updated", "modified", "deleted", "at", "last", "seen"));
        return recent
                ? new LocalDate[] {LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)}
                : new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2031, 1, 1)};
    }

    private static boolean has(List<String> words, Set<String> any) {
        for (String word : words) {
            if (any.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
