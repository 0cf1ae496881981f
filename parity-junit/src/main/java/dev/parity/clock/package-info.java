/**
 * Pinning the JVM-wide time zone and default locale, and restoring them exactly.
 *
 * <p>Internal capability package behind {@code @PinTimeZone} and {@code @PinLocale}. It deliberately does not
 * depend on JUnit so that the same pin/restore logic can be used from other harnesses. Everything here changes
 * JVM-global state: callers are responsible for making sure nothing else reads or writes that state concurrently
 * (the JUnit annotations do this with resource locks).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.clock;

import org.apiguardian.api.API;
