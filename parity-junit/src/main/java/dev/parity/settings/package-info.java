/**
 * Parity's {@code parity.*} switches, declared in one place ({@link dev.parity.settings.Settings}): each key's
 * name, type, default and meaning, read strictly from JUnit's configuration parameters (which also see system
 * properties and {@code junit-platform.properties}), or from system properties where no JUnit context is at
 * hand; and unknown {@code parity.*} keys reported once a run, with the key meant.
 *
 * <p>Internal: the capability packages ask the registry for their switches; none reads one itself.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.settings;

import org.apiguardian.api.API;
