package dev.parity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.parity.engine.mariadb.MariaDbEngine;
import dev.parity.engine.postgres.PostgresEngine;
import dev.parity.junit.ProdLike;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The surface and the package rules, enforced: what {@code dev.parity.junit} shows users, the status of everything else, and
 * which packages may use which. Reads the core's and both engines' classes where the build put them: class directories under
 * {@code mvn test}, the modules' jars under {@code mvn verify} (as {@link PublicApiTest} does), so both see the same classes.
 */
@AnalyzeClasses(locations = ArchitectureTest.ParityModules.class)
class ArchitectureTest {

    /** Third-party types a user must never meet in Parity's public API: Testcontainers (and its docker-java) and toxiproxy-java. */
    private static final List<String> THIRD_PARTY =
            List.of("org.testcontainers", "com.github.dockerjava", "eu.rekawek.toxiproxy");

    @ArchTest
    static final ArchRule theApiShowsNoTestcontainersOrToxiproxyType =
            classes()
                    .that()
                    .resideInAPackage("dev.parity.junit")
                    .and()
                    .arePublic()
                    .should(exposeNoThirdPartyType())
                    .because(
                            "users depend on Parity's API only: a third-party type in it would tie them to that "
                                    + "library's versions, and Parity could not change its own insides without breaking them");

    @ArchTest
    static final ArchRule everyPublicTypeOutsideTheApiIsInternal =
            classes()
                    .that()
                    .resideOutsideOfPackage("dev.parity.junit")
                    .and()
                    .arePublic()
                    .and()
                    .areTopLevelClasses()
                    .should()
                    .beAnnotatedWith(statusInternal())
                    .because(
                            "only dev.parity.junit is Parity's API; every other public type is public for Parity's own packages and modules, and says so "
                                    + "(its nested types share its status)");

    @ArchTest
    static final ArchRule noCycleBetweenCapabilities =
            slices().matching("dev.parity.(*)..")
                    .namingSlices("dev.parity.$1")
                    .should()
                    .beFreeOfCycles()
                    .because(
                            "each capability (network, database, data, clock, ...) builds on others without them building on it");

    @ArchTest
    static final ArchRule theCoreUsesNoEngine =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(
                            "dev.parity.engine.postgres..", "dev.parity.engine.mariadb..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.parity.engine.postgres..", "dev.parity.engine.mariadb..")
                    .because(
                            "the core asks the engine (dev.parity.engine.Engine, found as a service), never a particular one: an engine is a module a "
                                    + "user adds or leaves out");

    @ArchTest
    static final ArchRule enginesDoNotUseEachOther =
            slices().matching("dev.parity.engine.(postgres|mariadb)..")
                    .namingSlices("engine $1")
                    .should()
                    .notDependOnEachOther()
                    .because("each engine is a module of its own, on the core only");

    private static DescribedPredicate<JavaAnnotation<?>> statusInternal() {
        return DescribedPredicate.describe(
                "@API(status = INTERNAL)",
                annotation ->
                        annotation.getRawType().isEquivalentTo(API.class)
                                && annotation
                                        .get("status")
                                        .filter(
                                                status ->
                                                        status instanceof JavaEnumConstant constant
                                                                && constant.name()
                                                                        .equals("INTERNAL"))
                                        .isPresent());
    }

    private static ArchCondition<JavaClass> exposeNoThirdPartyType() {
        return new ArchCondition<>(
                "expose no type of " + String.join(", ", THIRD_PARTY) + " in a public signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getRawSuperclass()
                        .ifPresent(
                                superclass ->
                                        report(
                                                type.getFullName() + " extends",
                                                List.of(superclass),
                                                events,
                                                type));
                report(type.getFullName() + " implements", type.getRawInterfaces(), events, type);
                for (JavaMember member : type.getMembers()) {
                    if (!(member.getModifiers().contains(JavaModifier.PUBLIC)
                            || member.getModifiers().contains(JavaModifier.PROTECTED))) {
                        continue;
                    }
                    Set<JavaClass> shown = new LinkedHashSet<>();
                    if (member instanceof JavaField field) {
                        shown.addAll(field.getType().getAllInvolvedRawTypes());
                    } else if (member instanceof JavaCodeUnit code) {
                        shown.addAll(code.getReturnType().getAllInvolvedRawTypes());
                        for (JavaType parameter : code.getParameterTypes()) {
                            shown.addAll(parameter.getAllInvolvedRawTypes());
                        }
                        shown.addAll(code.getThrowsClause().getTypes());
                    }
                    report(member.getFullName(), shown, events, type);
                }
            }
        };
    }

    private static void report(
            String where, Iterable<JavaClass> shown, ConditionEvents events, JavaClass type) {
        for (JavaClass candidate : shown) {
            JavaClass base = candidate.isArray() ? candidate.getBaseComponentType() : candidate;
            if (THIRD_PARTY.stream()
                    .anyMatch(
                            prefix ->
                                    base.getPackageName().equals(prefix)
                                            || base.getPackageName().startsWith(prefix + "."))) {
                events.add(
                        SimpleConditionEvent.violated(
                                type, where + " shows " + base.getFullName()));
            }
        }
    }

    /** The core's and both engines' classes: from their class directories ({@code mvn test}) or jars ({@code mvn verify}). */
    static final class ParityModules implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return List.of(ProdLike.class, PostgresEngine.class, MariaDbEngine.class).stream()
                    .map(ParityModules::location)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        private static Location location(Class<?> anchor) {
            try {
                Path path =
                        Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(path)) {
                    return Location.of(path);
                }
                try (JarFile jar = new JarFile(path.toFile())) {
                    return Location.of(jar);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
