package dev.parity.engine.spec;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.extensibility.ConfigurationExtension;

/**
 * Flyway's own configuration keys, given to the user's Flyway as Flyway reads them. Its core keys
 * ({@code baselineOnMigrate}, {@code schemas}) go through {@link FluentConfiguration#configuration(Map)}, which
 * wants them as {@code flyway.<key>}: without the prefix it ignores a key without a word. A key of a database
 * module's namespace ({@code postgresql.transactional.lock}) is set on the module's configuration extension
 * through its own setters, as Spring Boot does: Flyway's map reading of those needs jackson-databind, which
 * projects rarely have (Flyway 13 then refuses the key).
 *
 * <p>Touched only where Flyway is on the test classpath.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FlywayKeys {

    /** Flyway's prefix of its keys in {@code flyway.conf} and in {@link FluentConfiguration#configuration(Map)}. */
    public static final String PREFIX = "flyway.";

    private static final int MAX_DEPTH = 4;

    private FlywayKeys() {}

    /**
     * Gives {@code config} (keys without {@link #PREFIX}) to {@code configuration}.
     *
     * @throws FlywayException for a key Flyway does not know or a value it does not take
     */
    public static void apply(FluentConfiguration configuration, Map<String, String> config) {
        Map<String, String> core = new java.util.LinkedHashMap<>();
        config.forEach(
                (key, value) -> {
                    Optional<ConfigurationExtension> extension = extensionOf(configuration, key);
                    if (extension.isPresent()) {
                        setOnExtension(extension.get(), key, value);
                    } else {
                        core.put(PREFIX + key, value);
                    }
                });
        if (!core.isEmpty()) {
            configuration.configuration(core);
        }
    }

    /** What Flyway (on {@code classLoader}) says of {@code key} set to {@code value}; empty if it takes it. */
    public static Optional<String> problem(ClassLoader classLoader, String key, String value) {
        try {
            apply(Flyway.configure(classLoader), Map.of(key, value));
            return Optional.empty();
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return Optional.of(
                    message.lines()
                            .findFirst()
                            .orElse(message)
                            .replace(". Please check your conf files or commandline parameters", "")
                            .strip());
        }
    }

    /** The keys Flyway (on {@code classLoader}) knows, without {@link #PREFIX}: its core keys and its modules' ({@code postgresql.transactional.lock}). */
    public static List<String> known(ClassLoader classLoader) {
        TreeSet<String> keys = new TreeSet<>();
        try {
            Class<?> constants =
                    Class.forName(
                            "org.flywaydb.core.internal.configuration.ConfigUtils",
                            false,
                            Flyway.class.getClassLoader());
            for (Field field : constants.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class
                        && field.get(null) instanceof String name
                        && name.startsWith(PREFIX)
                        && !name.endsWith(".")) {
                    keys.add(name.substring(PREFIX.length()));
                }
            }
        } catch (ReflectiveOperationException | LinkageError internalsMoved) {
            // only suggestions are lost
        }
        for (ConfigurationExtension extension :
                Flyway.configure(classLoader)
                        .getPluginRegister()
                        .getInstancesOf(ConfigurationExtension.class)) {
            if (!extension.getNamespace().isEmpty() && !extension.getNamespace().startsWith("\\")) {
                properties(extension.getClass(), extension.getNamespace() + ".", 0, keys);
            }
        }
        return List.copyOf(keys);
    }

    private static void properties(Class<?> type, String prefix, int depth, TreeSet<String> keys) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                continue;
            }
            if (isValue(field.getType())) {
                keys.add(prefix + field.getName());
            } else if (depth < MAX_DEPTH && !field.getType().getName().startsWith("java.")) {
                properties(field.getType(), prefix + field.getName() + ".", depth + 1, keys);
            }
        }
    }

    private static Optional<ConfigurationExtension> extensionOf(
            FluentConfiguration configuration, String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String namespace = key.substring(0, dot);
        return configuration
                .getPluginRegister()
                .getInstancesOf(ConfigurationExtension.class)
                .stream()
                .filter(extension -> namespace.equals(extension.getNamespace()))
                .findFirst();
    }

    /** Walks {@code transactional.lock} down the extension's fields, making what is missing, and sets the last with its setter. */
    private static void setOnExtension(ConfigurationExtension extension, String key, String value) {
        String[] path = key.substring(key.indexOf('.') + 1).split("\\.");
        Object target = extension;
        try {
            for (int i = 0; i < path.length - 1; i++) {
                Field field = field(target.getClass(), path[i]).orElseThrow(() -> unknown(key));
                if (isValue(field.getType())) {
                    throw unknown(key);
                }
                Object next = accessor(target.getClass(), "get", path[i]).invoke(target);
                if (next == null) {
                    next = field.getType().getDeclaredConstructor().newInstance();
                    setter(target.getClass(), path[i], field.getType()).invoke(target, next);
                }
                target = next;
            }
            Field field =
                    field(target.getClass(), path[path.length - 1])
                            .filter(f -> isValue(f.getType()))
                            .orElseThrow(() -> unknown(key));
            setter(target.getClass(), field.getName(), field.getType())
                    .invoke(target, converted(key, value, field));
        } catch (ReflectiveOperationException e) {
            throw new FlywayException(
                    "Flyway's "
                            + extension.getClass().getSimpleName()
                            + " does not take "
                            + PREFIX
                            + key
                            + ": "
                            + e);
        }
    }

    private static Optional<Field> field(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> f.getName().equals(name) && !Modifier.isStatic(f.getModifiers()))
                .findFirst();
    }

    private static Method accessor(Class<?> type, String verb, String property)
            throws NoSuchMethodException {
        return type.getMethod(
                verb + Character.toUpperCase(property.charAt(0)) + property.substring(1));
    }

    private static Method setter(Class<?> type, String property, Class<?> parameter)
            throws NoSuchMethodException {
        return type.getMethod(
                "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1),
                parameter);
    }

    private static boolean isValue(Class<?> type) {
        return type.isPrimitive()
                || type.isEnum()
                || type == String.class
                || type == Boolean.class
                || type == Integer.class
                || type == Long.class
                || type == List.class
                || type == String[].class;
    }

    private static Object converted(String key, String value, Field field) {
        Class<?> type = field.getType();
        if (type == boolean.class || type == Boolean.class) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new FlywayException(
                        "Invalid value for "
                                + PREFIX
                                + key
                                + " (should be either true or false): "
                                + value);
            }
            return Boolean.valueOf(value);
        }
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(value.strip());
            }
            if (type == long.class || type == Long.class) {
                return Long.valueOf(value.strip());
            }
        } catch (NumberFormatException e) {
            throw new FlywayException(
                    "Invalid value for " + PREFIX + key + " (should be an integer): " + value);
        }
        if (type == List.class) {
            return new ArrayList<>(Arrays.stream(value.split(",")).map(String::strip).toList());
        }
        if (type == String[].class) {
            return Arrays.stream(value.split(",")).map(String::strip).toArray(String[]::new);
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
            throw new FlywayException(
                    "Invalid value for "
                            + PREFIX
                            + key
                            + ": "
                            + value
                            + " (one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                                    .toList()
                            + ")");
        }
        return value;
    }

    private static FlywayException unknown(String key) {
        return new FlywayException("Unknown configuration property: " + PREFIX + key);
    }
}
