/**
 * What a profile's {@code database:} section asks of its database, read and checked with its lines: the
 * {@link dev.parity.engine.spec.DatabaseSpec} (image, settings, zone, storage, characters), its migrations
 * ({@link dev.parity.engine.spec.MigrationsSpec}, the tools' own keys in {@link dev.parity.engine.spec.FlywayKeys} and
 * {@link dev.parity.engine.spec.LiquibaseKeys}, the project's configuration files) and the character sets an engine
 * accepts. Part of a server's identity: two equal specs share one running server.
 *
 * <p>Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.engine.spec;

import org.apiguardian.api.API;
