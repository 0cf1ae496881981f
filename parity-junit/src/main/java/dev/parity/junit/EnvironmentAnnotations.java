package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;
import static org.junit.platform.commons.support.AnnotationSupport.findRepeatableAnnotations;

import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The annotations that give a class a production-like environment: {@link ProdLike}, {@link Latency}, {@link Toxic}, {@link Dataset}. */
final class EnvironmentAnnotations {

    private EnvironmentAnnotations() {}

    /** Whether {@code classContext}'s class (or a class enclosing it) carries one of them. */
    static boolean onClass(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        List<Class<?>> enclosing = classContext.getEnclosingTestClasses();
        return findAnnotation(testClass, ProdLike.class, enclosing).isPresent()
                || findAnnotation(testClass, Latency.class, enclosing).isPresent()
                || !repeatable(testClass, Toxic.class, enclosing).isEmpty()
                || !repeatable(testClass, Dataset.class, enclosing).isEmpty();
    }

    /** A repeatable annotation on the class, or else on the nearest enclosing class that has it ({@code @Nested}). */
    static <A extends Annotation> List<A> repeatable(
            Class<?> testClass, Class<A> type, List<Class<?>> enclosing) {
        List<A> own = findRepeatableAnnotations(testClass, type);
        for (int i = enclosing.size() - 1; own.isEmpty() && i >= 0; i--) {
            own = findRepeatableAnnotations(enclosing.get(i), type);
        }
        return own;
    }

    /** The annotation on a test method that asks for an environment, for messages. */
    static String declaredOn(java.lang.reflect.Method method) {
        return java.util.Arrays.stream(method.getAnnotations())
                .map(
                        a ->
                                a.annotationType().getEnclosingClass() != null
                                        ? a.annotationType().getEnclosingClass()
                                        : a.annotationType()) // X.List: X
                .map(type -> "@" + type.getSimpleName())
                .filter(
                        a ->
                                a.equals("@Latency")
                                        || a.equals("@Toxic")
                                        || a.equals("@DatabaseFault"))
                .findFirst()
                .orElse("@Latency or @Toxic");
    }
}
