package dev.parity.spring;

import dev.parity.junit.Dataset;
import dev.parity.junit.PinLocale;
import dev.parity.junit.PinTimeZone;
import dev.parity.junit.ProdLike;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What on a test class decides which environment it runs in, and so which Spring context it may share: the
 * {@link ProdLike} profile, {@link PinTimeZone}, {@link PinLocale} and {@link Dataset}, from the class and the classes
 * it is nested in. Annotations compare by value, so two classes that declare the same get equal shapes.
 *
 * <p>The profile is the one the annotation names, or "" for the run's active profile ({@code parity.profile}), which is
 * the same for every class of a run.
 */
record EnvironmentShape(List<Annotation> declared) {

    EnvironmentShape {
        declared = List.copyOf(declared);
    }

    /** The shape of {@code testClass}'s environment, or nothing if it is not {@code @ProdLike}. */
    static Optional<EnvironmentShape> of(Class<?> testClass) {
        List<Class<?>> classes = withEnclosing(testClass);
        if (classes.stream().noneMatch(c -> AnnotationSupport.isAnnotated(c, ProdLike.class))) {
            return Optional.empty();
        }
        List<Annotation> declared = new ArrayList<>();
        for (Class<?> c : classes) {
            AnnotationSupport.findAnnotation(c, ProdLike.class).ifPresent(declared::add);
            AnnotationSupport.findAnnotation(c, PinTimeZone.class).ifPresent(declared::add);
            AnnotationSupport.findAnnotation(c, PinLocale.class).ifPresent(declared::add);
            declared.addAll(AnnotationSupport.findRepeatableAnnotations(c, Dataset.class));
        }
        return Optional.of(new EnvironmentShape(declared));
    }

    /** The class, then the classes an inner ({@code @Nested}) class is declared in, innermost first. */
    static List<Class<?>> withEnclosing(Class<?> testClass) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = testClass;
                c != null;
                c = Modifier.isStatic(c.getModifiers()) ? null : c.getEnclosingClass()) {
            classes.add(c);
        }
        return classes;
    }
}
