package dev.parity.engine;

import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.apiguardian.api.API;

/** Reads the tables of a connection's current schema (PostgreSQL) or database (MariaDB). */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface SchemaReader {

    /** The tables by name, in the order the engine lists them. */
    Map<String, TableInfo> read(Connection connection) throws SQLException;
}
