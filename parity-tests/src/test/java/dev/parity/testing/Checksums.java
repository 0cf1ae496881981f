package dev.parity.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;

/** A table's rows as one hash, the same way on every engine: each cell as the driver reads it, in key order. */
public final class Checksums {

    private Checksums() {}

    public static String of(DataSource dataSource, String table, String orderBy)
            throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Connection connection = dataSource.getConnection();
                ResultSet rows =
                        connection
                                .createStatement()
                                .executeQuery("select * from " + table + " order by " + orderBy)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    digest.update(
                            (value == null ? "\u0000NULL" : value)
                                    .getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                digest.update((byte) 0x1e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
