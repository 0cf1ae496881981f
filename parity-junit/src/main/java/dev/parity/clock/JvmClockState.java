package dev.parity.clock;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A snapshot of the JVM-global clock settings that {@link ClockPin} changes, able to put them back exactly:
 * {@link TimeZone#getDefault()}, the {@code user.timezone} system property (including its absence), and
 * {@link Locale#getDefault()} together with the {@link Locale.Category#DISPLAY DISPLAY} and
 * {@link Locale.Category#FORMAT FORMAT} defaults, each restored separately.
 *
 * <p>A snapshot taken by {@link #pin(ClockPin)} holds only the settings that pin changes, so restoring it never
 * touches settings someone else may own at that moment (e.g. a concurrently running test that pins only the zone
 * while this one pins only the locale). {@link #restore()} is idempotent; {@link #close()} restores, so a snapshot
 * can be handed to anything that closes {@link AutoCloseable}s.
 */
@API(status = INTERNAL, since = "0.1")
public final class JvmClockState implements AutoCloseable {

    private static final String USER_TIMEZONE = "user.timezone";

    // null time zone / locales: not part of this snapshot
    private final TimeZone timeZone;
    private final String userTimezoneProperty; // null: the property was absent
    private final Locale locale;
    private final Locale displayLocale;
    private final Locale formatLocale;
    private final AtomicBoolean restored = new AtomicBoolean();

    private JvmClockState(boolean withZone, boolean withLocale) {
        // Read the property before TimeZone.getDefault(): the JVM's first getDefault() sets
        // user.timezone,
        // and a property that was absent must be restored as absent.
        this.userTimezoneProperty = withZone ? System.getProperty(USER_TIMEZONE) : null;
        this.timeZone = withZone ? TimeZone.getDefault() : null;
        this.locale = withLocale ? Locale.getDefault() : null;
        this.displayLocale = withLocale ? Locale.getDefault(Locale.Category.DISPLAY) : null;
        this.formatLocale = withLocale ? Locale.getDefault(Locale.Category.FORMAT) : null;
    }

    /** Snapshot of all settings. */
    public static JvmClockState capture() {
        return new JvmClockState(true, true);
    }

    /**
     * Snapshots the settings {@code pin} changes, then applies it: the zone via {@link TimeZone#setDefault} and
     * the {@code user.timezone} property, the locale via {@link Locale#setDefault(Locale)} (all categories).
     *
     * @return the snapshot that restores what was there before
     */
    public static JvmClockState pin(ClockPin pin) {
        JvmClockState before = new JvmClockState(pin.pinsTimeZone(), pin.pinsLocale());
        try {
            if (pin.pinsTimeZone()) {
                TimeZone zone = TimeZone.getTimeZone(pin.zone());
                TimeZone.setDefault(zone);
                System.setProperty(USER_TIMEZONE, zone.getID());
            }
            if (pin.pinsLocale()) {
                Locale.setDefault(pin.locale());
            }
        } catch (RuntimeException | Error e) {
            before.restore(); // e.g. a SecurityException half-way: leave nothing behind
            throw e;
        }
        return before;
    }

    /** Puts the captured settings back; only the first call has an effect. */
    public void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        if (timeZone != null) {
            TimeZone.setDefault(timeZone);
            if (userTimezoneProperty == null) {
                System.clearProperty(USER_TIMEZONE);
            } else {
                System.setProperty(USER_TIMEZONE, userTimezoneProperty);
            }
        }
        if (locale != null) {
            // setDefault(Locale) overwrites every category, so the categories go back afterwards
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
            Locale.setDefault(Locale.Category.FORMAT, formatLocale);
        }
    }

    /** Same as {@link #restore()}. */
    @Override
    public void close() {
        restore();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JvmClockState that
                && Objects.equals(timeZone, that.timeZone)
                && Objects.equals(userTimezoneProperty, that.userTimezoneProperty)
                && Objects.equals(locale, that.locale)
                && Objects.equals(displayLocale, that.displayLocale)
                && Objects.equals(formatLocale, that.formatLocale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeZone, userTimezoneProperty, locale, displayLocale, formatLocale);
    }

    @Override
    public String toString() {
        return "JvmClockState[timeZone="
                + (timeZone == null ? "-" : timeZone.getID())
                + ", user.timezone="
                + (timeZone == null ? "-" : userTimezoneProperty)
                + ", locale="
                + (locale == null ? "-" : locale.toLanguageTag())
                + ", display="
                + (locale == null ? "-" : displayLocale.toLanguageTag())
                + ", format="
                + (locale == null ? "-" : formatLocale.toLanguageTag())
                + "]";
    }
}
