package dev.parity.clock;

import java.util.Locale;
import java.util.TimeZone;

/**
 * The JVM-global clock settings, read and written with the plain JDK calls, so tests check {@link JvmClockState}
 * and the extensions against an independent view.
 */
public record JvmGlobals(
        String timeZoneId,
        String userTimezoneProperty,
        Locale locale,
        Locale displayLocale,
        Locale formatLocale) {

    /**
     * A starting state no test pins: every locale category different and {@code user.timezone} absent, so that
     * "restored exactly" cannot pass by accident.
     */
    public static final JvmGlobals DISTINCT =
            new JvmGlobals(
                    "Pacific/Chatham",
                    null,
                    Locale.forLanguageTag("fr-CA"),
                    Locale.forLanguageTag("ja-JP"),
                    Locale.forLanguageTag("pt-BR"));

    public static JvmGlobals read() {
        String property =
                System.getProperty("user.timezone"); // before getDefault(), which may set it
        return new JvmGlobals(
                TimeZone.getDefault().getID(),
                property,
                Locale.getDefault(),
                Locale.getDefault(Locale.Category.DISPLAY),
                Locale.getDefault(Locale.Category.FORMAT));
    }

    public void write() {
        TimeZone.setDefault(TimeZone.getTimeZone(timeZoneId));
        if (userTimezoneProperty == null) {
            System.clearProperty("user.timezone");
        } else {
            System.setProperty("user.timezone", userTimezoneProperty);
        }
        Locale.setDefault(locale);
        Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
        Locale.setDefault(Locale.Category.FORMAT, formatLocale);
    }
}
