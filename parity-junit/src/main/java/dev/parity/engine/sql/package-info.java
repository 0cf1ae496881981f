/**
 * SQL text, engine-neutral: scripts split into statements as each engine's client splits them
 * ({@link dev.parity.engine.sql.ScriptSplitter}, PostgreSQL's lexer), statements of the command-line clients only,
 * list items, and the tab-separated text bulk loads send.
 *
 * <p>Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.engine.sql;

import org.apiguardian.api.API;
