/**
 * Warm starts: a built server's data directory saved under a key that covers everything that decides it
 * ({@link dev.parity.snapshot.Fingerprint}), kept in a bounded cache folder shared by runs
 * ({@link dev.parity.snapshot.SnapshotCache}), and copied into a new container before its server starts
 * * ({@link dev.parity.snapshot.WarmStart}). Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.snapshot;

import org.apiguardian.api.API;
