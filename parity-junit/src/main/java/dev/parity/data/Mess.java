package dev.parity.data;

import org.apiguardian.api.API;

/**
 * How messy the generated data is: each knob is the fraction of cells, in the columns it can apply to,
 * that get that kind of mess. The kinds exclude one another, so their sum must not exceed 1.
 *
 * <ul>
 *   <li>{@code nulls} — NULL, in nullable columns that no key or foreign key needs</li>
 *   <li>{@code unicode} — text from several scripts: emoji, right-to-left, combining characters</li>
 *   <li>{@code whitespace} — leading or trailing spaces, tabs, line breaks</li>
 *   <li>{@code duplicates} — another row's value, in columns that need not be unique; text may come back
 *       as a case or accent variant (a near-duplicate)</li>
 *   <li>{@code extremes} — the column's limits: maximum length, empty strings, the largest and smallest
 *       numbers its type and CHECK constraints allow, leap days, DST changes, far past and future</li>
 * </ul>
 *
 * Mess never breaks a constraint: key columns, columns with a list of allowed values and columns under a
 * CHECK Parity cannot read stay clean.
 *
 * @param nulls      default 0.05
 * @param unicode    default 0.10
 * @param whitespace default 0.02
 * @param duplicates default 0.02
 * @param extremes   default 0.01
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Mess(
        double nulls, double unicode, double whitespace, double duplicates, double extremes) {

    private static final Mess DEFAULTS = new Mess(0.05, 0.10, 0.02, 0.02, 0.01);
    private static final Mess NONE = new Mess(0, 0, 0, 0, 0);

    /** The defaults: as messy as a typical production table. */
    public static Mess defaults() {
        return DEFAULTS;
    }

    /** Clean data ({@code mess: none}). */
    public static Mess none() {
        return NONE;
    }

    public Mess withNulls(double fraction) {
        return new Mess(fraction, unicode, whitespace, duplicates, extremes);
    }

    public Mess withUnicode(double fraction) {
        return new Mess(nulls, fraction, whitespace, duplicates, extremes);
    }

    public Mess withWhitespace(double fraction) {
        return new Mess(nulls, unicode, fraction, duplicates, extremes);
    }

    public Mess withDuplicates(double fraction) {
        return new Mess(nulls, unicode, whitespace, fraction, extremes);
    }

    public Mess withExtremes(double fraction) {
        return new Mess(nulls, unicode, whitespace, duplicates, fraction);
    }

    /** The sum of all knobs: at most 1 for a valid mess. */
    double total() {
        return nulls + unicode + whitespace + duplicates + extremes;
    }
}
