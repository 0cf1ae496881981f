package dev.parity.engine;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The few values whose text form differs between engines, as the {@link BulkLoader} passes them on.
 * Numbers, dates ({@code 2024-03-31}), timestamps ({@code 2024-03-31 01:30:00[.ffffff]}) and text are the
 * same everywhere.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ValueSyntax {

    String bool(boolean value);

    /** Bytes, e.g. PostgreSQL's {@code \x00ff}, or hex that the loader decodes. */
    String bytes(byte[] bytes);

    /** Whether a zoned timestamp's literal may carry an offset or a zone name ({@code +05:30}, {@code Europe/Berlin}). */
    boolean zonesInLiterals();

    /** A bit string of {@code width} bits holding {@code value}: PostgreSQL's digits ({@code 00101}), MariaDB's number. */
    String bits(long value, int width);

    /** An array of {@code items} (already in text form); only for engines with arrays. */
    String array(List<String> items, boolean quoteItems);
}
