package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;
import static org.junit.platform.commons.support.AnnotationSupport.findRepeatableAnnotations;

import dev.parity.network.ToxicSpec;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The toxics a class or method declares with {@link Latency} and {@link Toxic}, validated. */
final class DeclaredToxics {

    private DeclaredToxics() {}

    static List<ToxicSpec> on(AnnotatedElement element) {
        List<ToxicSpec> toxics = new ArrayList<>();
        findAnnotation(element, Latency.class)
                .ifPresent(
                        latency ->
                                toxics.add(
                                        valid(
                                                element,
                                                "@Latency",
                                                new ToxicSpec(
                                                        "latency",
                                                        latency.stream().profileName(),
                                                        1.0,
                                                        Map.of(
                                                                "latency",
                                                                latency.millis(),
                                                                "jitter",
                                                                latency.jitterMillis())))));
        for (Toxic toxic : findRepeatableAnnotations(element, Toxic.class)) {
            toxics.add(
                    valid(
                            element,
                            label(toxic),
                            new ToxicSpec(
                                    toxic.type().profileName(),
                                    toxic.stream().profileName(),
                                    toxic.toxicity(),
                                    attributes(element, toxic))));
        }
        return toxics;
    }

    private static String label(Toxic toxic) {
        return "@Toxic(type = " + toxic.type() + ")";
    }

    private static Map<String, Long> attributes(AnnotatedElement element, Toxic toxic) {
        Map<String, Long> attributes = new LinkedHashMap<>();
        for (String attribute : toxic.attributes()) {
            String[] parts = attribute.split("=", 2);
            Long previous;
            try {
                previous = attributes.put(parts[0].strip(), Long.parseLong(parts[1].strip()));
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException(
                        label(toxic)
                                + " on "
                                + element
                                + " has attribute '"
                                + attribute
                                + "', which is not name=number. Write each as name=number; a "
                                + toxic.type()
                                + " toxic takes: "
                                + toxic.type().attributesTaken()
                                + ".",
                        e);
            }
            if (previous != null) { // the first value would be silently replaced
                throw new ExtensionConfigurationException(
                        label(toxic)
                                + " on "
                                + element
                                + " gives attribute '"
                                + parts[0].strip()
                                + "' twice ("
                                + previous
                                + " and "
                                + parts[1].strip()
                                + "). Give it once.");
            }
        }
        return attributes;
    }

    private static ToxicSpec valid(AnnotatedElement element, String annotation, ToxicSpec spec) {
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new ExtensionConfigurationException(
                    annotation + " on " + element + ": " + String.join(" ", problems));
        }
        return spec;
    }
}
