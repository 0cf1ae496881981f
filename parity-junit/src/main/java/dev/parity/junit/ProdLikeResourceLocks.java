package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.profile.Profile;
import dev.parity.profile.ProfileFile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import dev.parity.settings.Settings;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The resource locks of a {@link ProdLike} class. Its profile may pin the zone or locale, which writes
 * JVM-global state; and every class reads the JVM zone, which the driver sends when a connection opens.
 * So: read-write locks for what the profile pins; otherwise read locks on the zone and on system
 * properties (where {@code parity.profile} and {@code parity.config} may come from).
 *
 * <p>The provider is called for top-level and {@code @Nested} classes alike (a method's annotations add toxics
 * to its class's environment and take nothing of their own). Locks are computed at discovery, which sees
 * system properties but not configuration parameters. So
 * unless the annotation names its profile, every profile of the file counts: if any pins, the class locks.
 * If the file cannot be read, the class takes every lock; its error is reported when the class runs. A class that
 * shares its environment's proxy ({@link ProdLikeIntegration#sharesProxy}) also locks that proxy, read-write.
 */
final class ProdLikeResourceLocks implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return locksFor(testClass, Settings.CONFIG.findInSystemProperties());
    }

    /** A {@code @Nested} class with an environment of its own locks as a top-level class does. */
    @Override
    public Set<Lock> provideForNestedClass(
            List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        return provideForClass(testClass);
    }

    /** @param configured the profile file named by {@code parity.config}, if any */
    static Set<Lock> locksFor(Class<?> testClass, Optional<String> configured) {
        Set<Lock> locks = new HashSet<>();
        try {
            List<Profile> candidates = candidates(testClass, configured);
            boolean zone = candidates.stream().anyMatch(p -> p.clock().pinsTimeZone());
            boolean locale = candidates.stream().anyMatch(p -> p.clock().pinsLocale());
            if (zone) {
                locks.add(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ_WRITE));
                locks.add(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE));
            } else {
                locks.add(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ));
                // parity.profile and parity.config may come from system properties
                locks.add(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ));
            }
            if (locale) {
                locks.add(new Lock(Resources.LOCALE, ResourceAccessMode.READ_WRITE));
            }
        } catch (RuntimeException unreadable) {
            locks.add(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ_WRITE));
            locks.add(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE));
            locks.add(new Lock(Resources.LOCALE, ResourceAccessMode.READ_WRITE));
        }
        if (ProdLikeIntegrations.sharesProxy(testClass)) {
            // one proxy per environment for all such classes: whose toxics it carries is one
            // class's at a time
            locks.add(
                    new Lock(ProdLikeIntegration.SHARED_PROXY_LOCK, ResourceAccessMode.READ_WRITE));
        }
        return locks;
    }

    private static List<Profile> candidates(Class<?> testClass, Optional<String> configured) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        ProfileFile file =
                new ProfileLoader(classLoader).load(ProfileSource.locate(configured, classLoader));
        Optional<String> named =
                findAnnotation(testClass, ProdLike.class)
                        .map(ProdLike::value)
                        .filter(v -> !v.isBlank());
        return named.map(name -> List.of(file.profile(name, "@ProdLike on " + testClass.getName())))
                .orElseGet(file::profiles);
    }
}
