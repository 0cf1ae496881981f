/**
 * Toxiproxy between the tests and their database: servers from three providers (a container on the
 * database's Docker network, a {@code toxiproxy-server} child process, an external server), one proxy per
 * test class, toxics as profiles and annotations declare them ({@link dev.parity.network.ToxicSpec},
 * {@link dev.parity.network.NetworkSection}) put on and reset exactly. Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.network;

import org.apiguardian.api.API;
