/**
 * Running databases: Docker checked, the engine's container started with Parity's labels, init scripts
 * run with positioned errors, everything stopped again on failure or at the end
 * ({@link dev.parity.database.LeftoverGuard} on JVM exit; {@link dev.parity.database.LeftoverSweep} in the
 * next run after a {@code kill -9}), and the JVM's, a session's and the server's
 * zones compared ({@link dev.parity.database.TimeZoneConsistency}). Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.database;

import org.apiguardian.api.API;
