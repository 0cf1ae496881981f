package dev.parity.junit;

import dev.parity.settings.Settings;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Which profile a test class runs under, and why, for messages.
 *
 * @param name   the profile name
 * @param origin where the name came from, e.g. {@code @ProdLike("payments") on OrderTest}
 */
record ActiveProfile(String name, String origin) {

    static final String ENVIRONMENT_VARIABLE = "PARITY_PROFILE";
    static final String DEFAULT = "default";

    /** The annotation's value; else {@code parity.profile}; else {@code PARITY_PROFILE}; else {@code default}. */
    static ActiveProfile of(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        Optional<ProdLike> annotation =
                AnnotationSupport.findAnnotation(
                        testClass, ProdLike.class, classContext.getEnclosingTestClasses());
        if (annotation.isPresent() && !annotation.get().value().isBlank()) {
            return new ActiveProfile(
                    annotation.get().value().strip(),
                    "@ProdLike(\"" + annotation.get().value() + "\") on " + testClass.getName());
        }
        Optional<String> parameter = Settings.PROFILE.find(classContext);
        if (parameter.isPresent()) {
            return new ActiveProfile(
                    parameter.get(),
                    "the configuration parameter "
                            + Settings.PROFILE.name()
                            + "="
                            + parameter.get());
        }
        String variable = System.getenv(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new ActiveProfile(
                    variable.strip(),
                    "the environment variable " + ENVIRONMENT_VARIABLE + "=" + variable.strip());
        }
        return new ActiveProfile(
                DEFAULT,
                "@ProdLike on "
                        + testClass.getName()
                        + " (no profile named, so '"
                        + DEFAULT
                        + "')");
    }
}
