/**
 * Everything engine-specific, behind one interface: {@link dev.parity.engine.Engine}. An engine owns its
 * container and image defaults, how settings and the time zone are passed, its SQL (quoting, scripts and
 * where they failed, scripts only its command-line client runs), how its server and sessions report their
 * zones, how its schema reads (mapped onto {@link dev.parity.engine.schema.ColumnType}'s kinds), its bulk loader
 * and its copies of a loaded database. The rest of Parity asks the engine and never tests which engine it is.
 *
 * <h2>Engines</h2>
 * {@code dev.parity.engine.postgres} (PostgreSQL: COPY, template databases, psql scripts) and
 * {@code dev.parity.engine.mariadb} (MariaDB: LOAD DATA LOCAL, copies replayed from SHOW CREATE).
 *
 * <h2>A third engine</h2>
 * A package of its own (say {@code dev.parity.engine.mysql}) with a class implementing
 * {@link dev.parity.engine.Engine}, listed in {@code META-INF/services/dev.parity.engine.Engine}: its
 * Testcontainers container, a {@link dev.parity.engine.SqlDialect} (a
 * {@link dev.parity.engine.sql.ScriptSplitter.Syntax} for its client's scripts), its
 * {@link dev.parity.engine.ClientScripts} (what only its command-line client runs), the Flyway module
 * that speaks its SQL ({@link dev.parity.engine.JavaArtifact}), a {@link dev.parity.engine.ZoneSupport},
 * a {@link dev.parity.engine.SchemaReader}, a {@link dev.parity.engine.ValueSyntax}, a
 * {@link dev.parity.engine.BulkLoader}, {@link dev.parity.engine.DatabaseCopies} and {@link dev.parity.engine.LockWaits}
 * (who waits on a lock held by whom, so that no start waits for ever). What it cannot do it
 * leaves out of {@link dev.parity.engine.Engine#capabilities()}: a profile that asks for it fails before
 * anything starts, naming the engine and the capability. {@code database.engine: mysql} then works everywhere.
 *
 * <p>Beside it: {@code dev.parity.engine.spec} (the database section and its spec), {@code dev.parity.engine.schema}
 * (the schema model), {@code dev.parity.engine.sql} (scripts and statements) and {@code dev.parity.engine.support}
 * (URLs, published ports).
 *
 * <p>Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.engine;

import org.apiguardian.api.API;
