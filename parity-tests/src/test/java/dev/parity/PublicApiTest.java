package dev.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.mariadb.MariaDbEngine;
import dev.parity.engine.postgres.PostgresEngine;
import dev.parity.junit.ProdLike;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/** What a published library promises about its types: every public one says how stable it is, and since when. */
class PublicApiTest {

    @Test
    void everyPublicTypeCarriesApiWithItsStatusAndSince() throws IOException, URISyntaxException {
        List<Class<?>> types = publicTopLevelTypes();

        assertThat(types).as("the library's public types").hasSizeGreaterThan(50);
        assertThat(types)
                .filteredOn(
                        type ->
                                type.getAnnotation(API.class) == null
                                        || type.getAnnotation(API.class).since().isBlank())
                .as("public types without @API(status = ..., since = ...)")
                .isEmpty();
    }

    @Test
    void onlyThePublicPackageHoldsTypesThatAreNotInternal() throws IOException, URISyntaxException {
        assertThat(publicTopLevelTypes())
                .filteredOn(type -> type.getAnnotation(API.class).status() != API.Status.INTERNAL)
                .extracting(Class::getPackageName)
                .containsOnly("dev.parity.junit");
    }

    /**
     * The public API hands out and takes only the JDK's, JUnit's and its own types: a library it uses (toxiproxy-java,
     * Testcontainers, Datafaker) can change or go without breaking a user's test. {@code NetworkProxy.unwrap(Class)}
     * reaches toxiproxy-java's proxy through a type variable, explicitly.
     */
    @Test
    void thePublicApiExposesNoThirdPartyTypes() throws IOException, URISyntaxException {
        List<String> exposed = new ArrayList<>();
        for (Class<?> type : publicTopLevelTypes()) {
            if (type.getAnnotation(API.class).status() == API.Status.INTERNAL) {
                continue;
            }
            for (Method method : type.getMethods()) {
                List<Type> signature = new ArrayList<>(List.of(method.getGenericParameterTypes()));
                signature.add(method.getGenericReturnType());
                signature.stream()
                        .flatMap(PublicApiTest::classesIn)
                        .filter(used -> !allowed(used))
                        .distinct()
                        .forEach(
                                used ->
                                        exposed.add(
                                                type.getSimpleName()
                                                        + "."
                                                        + method.getName()
                                                        + ": "
                                                        + used.getName()));
            }
        }
        assertThat(exposed).as("third-party types in public signatures").isEmpty();
    }

    private static boolean allowed(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive()
                || name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("org.junit.")
                || name.startsWith("dev.parity.junit.");
    }

    /** The classes a generic type names: itself, its type arguments, bounds and components; none for a type variable. */
    private static Stream<Class<?>> classesIn(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isArray() ? classesIn(plain.getComponentType()) : Stream.of(plain);
        }
        if (type instanceof ParameterizedType parameterized) {
            return Stream.concat(
                    classesIn(parameterized.getRawType()),
                    Stream.of(parameterized.getActualTypeArguments())
                            .flatMap(PublicApiTest::classesIn));
        }
        if (type instanceof WildcardType wildcard) {
            return Stream.concat(
                            Stream.of(wildcard.getUpperBounds()),
                            Stream.of(wildcard.getLowerBounds()))
                    .flatMap(PublicApiTest::classesIn);
        }
        if (type instanceof GenericArrayType array) {
            return classesIn(array.getGenericComponentType());
        }
        return Stream.empty();
    }

    @Test
    void theApiCheckLeavesOutExactlyTheInternalTypesOfTheApiPackage()
            throws IOException, URISyntaxException {
        // japicmp filters by annotation type, not by its status: the root pom's api-check profile
        // names them one by one
        String pom = Files.readString(Path.of("..", "pom.xml"));
        String profile =
                pom.substring(
                        pom.indexOf("<id>api-check</id>"),
                        pom.indexOf("</profile>", pom.indexOf("<id>api-check</id>")));
        List<String> excluded =
                Pattern.compile("<exclude>([^<]+)</exclude>")
                        .matcher(profile)
                        .results()
                        .map(match -> match.group(1))
                        .toList();

        assertThat(excluded)
                .as("the api-check profile's excludes")
                .containsExactlyInAnyOrderElementsOf(
                        publicTopLevelTypes().stream()
                                .filter(
                                        type ->
                                                type.getPackageName().equals("dev.parity.junit")
                                                        && type.getAnnotation(API.class).status()
                                                                == API.Status.INTERNAL)
                                .map(Class::getName)
                                .toList());
    }

    /** The public top-level types of the core and of both engine modules, from their class directories or jars. */
    private static List<Class<?>> publicTopLevelTypes() throws IOException, URISyntaxException {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> anchor : List.of(ProdLike.class, PostgresEngine.class, MariaDbEngine.class)) {
            Path location =
                    Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                types.addAll(publicTopLevelTypes(location));
            } else {
                // in `mvn verify` the reactor hands the tests the modules' jars, not their class
                // directories
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    types.addAll(publicTopLevelTypes(jar.getPath("/")));
                }
            }
        }
        return types;
    }

    private static List<Class<?>> publicTopLevelTypes(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .filter(
                            name ->
                                    !name.endsWith("package-info.class")
                                            && !name.endsWith("module-info.class"))
                    .map(
                            name ->
                                    name.substring(0, name.length() - ".class".length())
                                            .replace('/', '.'))
                    .map(PublicApiTest::load)
                    .filter(type -> Modifier.isPublic(type.getModifiers()))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
