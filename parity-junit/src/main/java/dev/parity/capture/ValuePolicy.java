package dev.parity.capture;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Which columns' values a captured profile may hold. Production's values stay in production unless the user
 * names a column: text (and every kind that can hold a name, an address or an identifier: JSON, UUIDs, arrays,
 * network addresses, ...) is withheld, and so are numbers and dates of columns named like personal data
 * (birth dates, salaries, phone numbers, positions). Numbers, dates, timestamps, booleans and enum labels of
 * other columns are written: they say how the data is spread, not who it is about.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ValuePolicy {

    /** Words of a column's name that make its numbers and dates personal. */
    static final Set<String> PERSONAL_WORDS =
            Set.of(
                    "birth",
                    "birthday",
                    "born",
                    "dob",
                    "age",
                    "salary",
                    "income",
                    "wage",
                    "wages",
                    "ssn",
                    "passport",
                    "license",
                    "licence",
                    "tax",
                    "iban",
                    "card",
                    "phone",
                    "mobile",
                    "zip",
                    "postcode",
                    "postal",
                    "lat",
                    "latitude",
                    "lon",
                    "lng",
                    "longitude",
                    "gender",
                    "sex",
                    "ethnicity",
                    "religion",
                    "health",
                    "diagnosis",
                    "weight",
                    "height",
                    "ip");

    private static final Set<ColumnType.Kind> PLAIN_KINDS =
            Set.of(
                    ColumnType.Kind.INTEGER,
                    ColumnType.Kind.DECIMAL,
                    ColumnType.Kind.MONEY,
                    ColumnType.Kind.FLOAT,
                    ColumnType.Kind.DOUBLE,
                    ColumnType.Kind.YEAR,
                    ColumnType.Kind.BOOLEAN,
                    ColumnType.Kind.DATE,
                    ColumnType.Kind.TIMESTAMP,
                    ColumnType.Kind.TIMESTAMP_TZ,
                    ColumnType.Kind.TIME,
                    ColumnType.Kind.TIME_TZ,
                    ColumnType.Kind.INTERVAL,
                    ColumnType.Kind.ENUM,
                    ColumnType.Kind.BIT);

    private final Set<String> allowed;

    /** @param allowed {@code table.column}s (or {@code schema.table.column}) whose values the user allows, any case */
    public ValuePolicy(List<String> allowed) {
        this.allowed =
                allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Whether the user named the column. */
    public boolean allowed(TableInfo table, ColumnInfo column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        return allowed.contains(table.name().toLowerCase(Locale.ROOT) + "." + name)
                || allowed.contains(
                        (table.schema() + "." + table.name()).toLowerCase(Locale.ROOT) + "." + name)
                || allowed.contains(bare(table).toLowerCase(Locale.ROOT) + "." + name);
    }

    /** Whether the column's values must stay out of the profile. */
    public boolean withheld(TableInfo table, ColumnInfo column) {
        return !allowed(table, column)
                && (!PLAIN_KINDS.contains(column.type().kind()) || personal(column.name()));
    }

    /** Whether a column's name says its values are about a person: {@code birth_date}, {@code dateOfBirth}, {@code salary_eur}. */
    static boolean personal(String columnName) {
        String spaced =
                columnName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String word : spaced.split("[^a-z0-9]+")) {
            if (PERSONAL_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String bare(TableInfo table) {
        return table.name().startsWith(table.schema() + ".")
                ? table.name().substring(table.schema().length() + 1)
                : table.name();
    }
}
