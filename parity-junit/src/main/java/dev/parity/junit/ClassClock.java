package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.clock.ClockPin;
import dev.parity.clock.InvalidClockPinException;
import dev.parity.profile.Profile;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The zone and locale a {@link ProdLike} class runs in: its own {@link PinTimeZone} / {@link PinLocale}
 * where it has them (an annotation wins over the profile), else its profile's {@code timezone:} and
 * {@code locale:}.
 *
 * @param pin        what to pin ({@link ClockPin#NONE} if nothing)
 * @param zoneOrigin where the zone came from, for mismatch messages
 */
record ClassClock(ClockPin pin, String zoneOrigin) {

    static ClassClock of(ExtensionContext classContext, Profile profile) {
        Class<?> testClass = classContext.getRequiredTestClass();
        Optional<PinTimeZone> zone = findAnnotation(testClass, PinTimeZone.class, classContext.getEnclosingTestClasses());
        Optional<PinLocale> locale = findAnnotation(testClass, PinLocale.class, classContext.getEnclosingTestClasses());
        ClockPin fromProfile = profile.clock();
        try {
            ClockPin pin = zone.isPresent()
                    ? ClockPin.timeZone(zone.get().value(), zone.get().fixedAt())
                    : new ClockPin(fromProfile.zone(), fromProfile.fixedAt(), null);
            pin = pin.and(locale.isPresent() ? ClockPin.locale(locale.get().value())
                    : new ClockPin(null, null, fromProfile.locale()));
            String origin = zone.isPresent()
                    ? "@PinTimeZone(\"" + zone.get().value() + "\") on " + testClass.getName()
                    : profile.clockOrigin();
            return new ClassClock(pin, origin);
        } catch (InvalidClockPinException e) {
            // ClockPinExtension reports the same annotation with its own message; this only keeps the order of
            // extensions from mattering
            throw new ExtensionConfigurationException("invalid time zone or locale annotation on " + testClass.getName() + ": " + e.getMessage(), e);
        }
    }
}
