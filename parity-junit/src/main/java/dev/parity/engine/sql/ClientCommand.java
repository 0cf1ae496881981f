package dev.parity.engine.sql;

import org.apiguardian.api.API;

/**
 * Something in a script that only the engine's command-line client understands, such as psql's
 * {@code \i} or {@code COPY ... FROM stdin}, or the MariaDB client's {@code source}.
 *
 * @param name how the script spells it, e.g. {@code \copy}
 * @param line the 1-based line of the script it is on
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ClientCommand(String name, int line) {}
