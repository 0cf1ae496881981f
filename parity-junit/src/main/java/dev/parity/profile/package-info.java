/**
 * Profiles: {@code parity.yml} found ({@link dev.parity.profile.ProfileSource}), read and validated whole
 * before anything starts ({@link dev.parity.profile.ProfileLoader}, each section by the capability that
 * owns it), {@code extends} merged ({@link dev.parity.profile.ExtendsMerge}), and the result as immutable
 * {@link dev.parity.profile.Profile}s. Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.profile;

import org.apiguardian.api.API;
