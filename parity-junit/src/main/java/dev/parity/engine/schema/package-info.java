/**
 * The schema as Parity reads it from a running database, engine-neutral: tables
 * ({@link dev.parity.engine.schema.TableInfo}), their columns and the kinds their types map to
 * ({@link dev.parity.engine.schema.ColumnType}), and what triggers write.
 *
 * <p>Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.engine.schema;

import org.apiguardian.api.API;
