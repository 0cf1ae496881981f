package dev.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.mariadb.MariaDbEngine;
import dev.parity.engine.postgres.PostgresEngine;
import dev.parity.junit.ProdLike;
import java.io.IOException;
import java.lang.reflect.Modifier;
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
        assertThat(types).filteredOn(type -> type.getAnnotation(API.class) == null || type.getAnnotation(API.class).since().isBlank())
                .as("public types without @API(status = ..., since = ...)").isEmpty();
    }

    @Test
    void onlyThePublicPackageHoldsTypesThatAreNotInternal() throws IOException, URISyntaxException {
        assertThat(publicTopLevelTypes()).filteredOn(type -> type.getAnnotation(API.class).status() != API.Status.INTERNAL)
                .extracting(Class::getPackageName).containsOnly("dev.parity.junit");
    }

    @Test
    void theApiCheckLeavesOutExactlyTheInternalTypesOfTheApiPackage() throws IOException, URISyntaxException {
        // japicmp filters by annotation type, not by its status: the root pom's api-check profile names them one by one
        String pom = Files.readString(Path.of("..", "pom.xml"));
        String profile = pom.substring(pom.indexOf("<id>api-check</id>"), pom.indexOf("</profile>", pom.indexOf("<id>api-check</id>")));
        List<String> excluded = Pattern.compile("<exclude>([^<]+)</exclude>").matcher(profile).results().map(match -> match.group(1)).toList();

        assertThat(excluded).as("the api-check profile's excludes").containsExactlyInAnyOrderElementsOf(publicTopLevelTypes().stream()
                .filter(type -> type.getPackageName().equals("dev.parity.junit") && type.getAnnotation(API.class).status() == API.Status.INTERNAL)
                .map(Class::getName).toList());
    }

    /** The public top-level types of the core and of both engine modules, from their class directories or jars. */
    private static List<Class<?>> publicTopLevelTypes() throws IOException, URISyntaxException {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> anchor : List.of(ProdLike.class, PostgresEngine.class, MariaDbEngine.class)) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                types.addAll(publicTopLevelTypes(location));
            } else {
                // in `mvn verify` the reactor hands the tests the modules' jars, not their class directories
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    types.addAll(publicTopLevelTypes(jar.getPath("/")));
                }
            }
        }
        return types;
    }

    private static List<Class<?>> publicTopLevelTypes(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString).filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .filter(name -> !name.endsWith("package-info.class") && !name.endsWith("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')).map(PublicApiTest::load)
                    .filter(type -> Modifier.isPublic(type.getModifiers())).toList();
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
