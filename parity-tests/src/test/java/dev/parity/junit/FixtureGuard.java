package dev.parity.junit;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One guard for every fixture: a static nested class of a test class is a fixture that {@link Kit} runs,
 * and many fail on purpose. A runner that finds them by scanning (an IDE, Gradle, a package selector)
 * would run them on their own; this condition, registered for the whole build through
 * {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}, disables them
 * there. Inside the kit, implicit configuration is off, so the guard is not registered and fixtures run.
 */
public final class FixtureGuard implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Class<?> testClass = context.getTestClass().orElse(null);
        boolean fixture =
                testClass != null
                        && testClass.isMemberClass()
                        && Modifier.isStatic(testClass.getModifiers())
                        && context.getConfigurationParameter(Kit.INSIDE_KIT).isEmpty();
        return fixture
                ? ConditionEvaluationResult.disabled(
                        "fixture of "
                                + testClass.getEnclosingClass().getSimpleName()
                                + ": runs only inside Kit")
                : ConditionEvaluationResult.enabled("not a fixture, or inside Kit");
    }
}
