/**
 * Small helpers engines share: JDBC URLs rewritten ({@link dev.parity.engine.support.JdbcUrls}) and the address
 * containers publish their ports on ({@link dev.parity.engine.support.PublishedPorts}), and commands in a
 * container waited for within a bound ({@link dev.parity.engine.support.ContainerCommands}).
 *
 * <p>Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.engine.support;

import org.apiguardian.api.API;
