package dev.parity.data;

import dev.parity.engine.schema.ColumnType.Repertoire;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The nasty text production has: many scripts, emoji, right-to-left, combining marks, stray whitespace;
 * as much of it as the column's character set can hold.
 */
final class Nastiness {

    /** Text from many scripts, every sample with a non-ASCII character; some also test escaping (quotes, backslashes, tabs). */
    static final List<String> UNICODE =
            List.of(
                    "Zoë Ångström",
                    "José Müller-Łukasiewicz",
                    "Ελένη Παπαδοπούλου",
                    "Дмитрий Шостакович",
                    "محمد عبد الله",
                    "שׁלום עליכם",
                    "山田 太郎",
                    "김민준",
                    "राहुल शर्मा",
                    "Nguyễn Văn Anh",
                    "ไทย ภาษา",
                    "Ṁüłţî-ßçřîþţ",
                    "😀 party 🎉",
                    "👨‍👩‍👧‍👦 family",
                    "🏳️‍🌈 flag",
                    "👍🏽 ok",
                    "e\u0301le\u0300ve cafe\u0301",
                    "Z̤̈a̐l̙g̃o",
                    "\u202Eevil RTL override\u202C",
                    "\u200Fמימין\u200E left",
                    "Straße İstanbul ı",
                    "ǅemal Ǆ",
                    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛",
                    "Ø'Brien \"quoted\" \\ backslash",
                    "tab\tinside ñ",
                    "line\nbreak\r\nwindows ø",
                    "zero\u200Bwidth",
                    "ﷺ ﷽",
                    "Ⅻ ½ ²");

    /** Samples for seven-bit columns: no scripts to show, only what tests escaping. */
    private static final List<String> ASCII =
            List.of(
                    "O'Brien \"quoted\" \\ backslash",
                    "tab\tinside",
                    "line\nbreak\r\nwindows",
                    "100% _under_score_",
                    "semi;colon, comma");

    private static final Map<Repertoire, List<String>> SAMPLES = samples();

    private static final List<String> PADDING =
            List.of(" ", "  ", "\t", "\n", " \u00A0 ", "\r\n", "   ");

    private Nastiness() {}

    private static Map<Repertoire, List<String>> samples() {
        Map<Repertoire, List<String>> samples = new EnumMap<>(Repertoire.class);
        for (Repertoire repertoire : Repertoire.values()) {
            List<String> fitting = UNICODE.stream().filter(s -> fits(s, repertoire)).toList();
            samples.put(repertoire, repertoire == Repertoire.ASCII ? ASCII : fitting);
        }
        return samples;
    }

    /** Whether every character of {@code text} is in {@code repertoire}. */
    static boolean fits(String text, Repertoire repertoire) {
        return switch (repertoire) {
            case UNICODE -> true;
            case BMP -> text.codePoints().allMatch(Character::isBmpCodePoint);
            case LATIN1 -> text.chars().allMatch(c -> c < 0x100);
            case ASCII -> text.chars().allMatch(c -> c < 0x80);
        };
    }

    /** {@code text} with every character outside {@code repertoire} replaced by '?'. */
    static String fitted(String text, Repertoire repertoire) {
        if (repertoire == Repertoire.UNICODE || fits(text, repertoire)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        cp ->
                                out.appendCodePoint(
                                        fits(new String(Character.toChars(cp)), repertoire)
                                                ? cp
                                                : '?'));
        return out.toString();
    }

    static String unicode(String clean, CellRandom random, Repertoire repertoire) {
        List<String> samples = SAMPLES.get(repertoire);
        String sample = samples.get(random.nextInt(samples.size()));
        return clean == null || clean.isEmpty() || random.nextInt(2) == 0
                ? sample
                : clean + " " + sample;
    }

    /** Leading or trailing whitespace, or both; only leading when trailing would be cut (char(n)). */
    static String whitespace(String clean, CellRandom random, boolean trailingKept) {
        String pad = PADDING.get(random.nextInt(PADDING.size()));
        int where = trailingKept ? random.nextInt(3) : 0;
        return where == 0 ? pad + clean : where == 1 ? clean + pad : pad + clean + pad;
    }

    /** A near-duplicate: the same, upper- or lower-cased, or with its accents toggled. */
    static String variant(String clean, int kind) {
        switch (kind) {
            case 1:
                return clean.toUpperCase(Locale.ROOT);
            case 2:
                return clean.toLowerCase(Locale.ROOT);
            case 3:
                String stripped =
                        Normalizer.normalize(clean, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                return !stripped.equals(clean) ? stripped : clean.replaceFirst("e", "é");
            default:
                return clean;
        }
    }
}
