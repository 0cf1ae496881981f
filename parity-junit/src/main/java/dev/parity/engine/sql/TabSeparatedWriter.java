package dev.parity.engine.sql;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.RowSource;
import org.apiguardian.api.API;

/** A {@link BulkLoader.TableWriter} whose chunks are {@link TabSeparatedBuffer} text, as both engines read it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class TabSeparatedWriter implements BulkLoader.TableWriter {

    private final int width;

    /** @param width the columns written per row */
    protected TabSeparatedWriter(int width) {
        this.width = width;
    }

    @Override
    public final byte[] encode(RowSource.Cursor cursor, long from, long to) {
        return TabSeparatedBuffer.encode(cursor, width, from, to);
    }
}
