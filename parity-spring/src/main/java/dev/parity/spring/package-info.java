/**
 * Parity for Spring's test context (Spring Boot 4.0, Spring Framework 7): a {@code @SpringBootTest} (or any
 * SpringExtension) class that is also {@link dev.parity.junit.ProdLike @ProdLike} gets
 * {@code spring.datasource.url}, {@code username}, {@code password} and {@code driver-class-name} pointing at its
 * environment through its proxy, with no {@code @DynamicPropertySource}. Nothing here is called by users: the module
 * works by being on the test classpath (a Spring {@code ContextCustomizerFactory} in {@code META-INF/spring.factories},
 * a {@link dev.parity.junit.ProdLikeIntegration} in {@code META-INF/services}).
 *
 * <h2>When the context is created</h2>
 * After Parity opened the class's environment and pinned its zone and locale (Spring creates it when it prepares the
 * first test instance, after the class's before-all callbacks; with {@code @TestInstance(PER_CLASS)} Parity opens the
 * environment before the instance is constructed), so the pool's connections carry the pinned zone.
 *
 * <h2>Context caching and the proxy</h2>
 * Spring caches a context across classes with the same configuration. Parity adds to that configuration what shapes
 * the environment: the {@code @ProdLike} profile, {@code @PinTimeZone}, {@code @PinLocale} and {@code @Dataset} on the
 * class; classes that agree on these (and on the rest of their Spring configuration) share one context. Such a
 * context's pool outlives any one class, so these classes do not get a proxy of their own: they share one per running
 * environment, kept as long as the environment. Before each test it carries exactly the test's class and method toxics
 * (and {@code Faults} act on it), and a read-write resource lock keeps two such classes from running at the same time.
 * Plain {@code @ProdLike} classes keep their own proxies and still run in parallel.
 *
 * <h2>Migrations</h2>
 * A profile's {@code database.migrations} run with the application's {@code spring.flyway.*} (or
 * {@code spring.liquibase.*}) as the class's context will see them, mapped to the tool's keys as Spring Boot maps them,
 * under the profile's own {@code migrations.config} (see {@code SpringMigrationProperties}).
 *
 * <h2>Parameters</h2>
 * A parameter Spring's extension resolves (annotated {@code @Autowired}, {@code @Qualifier} or {@code @Value}, or any
 * parameter of a constructor Spring autowires) is Spring's; Parity then does not offer its {@code DataSource} or
 * {@code Faker}. An unannotated {@code DataSource} test-method parameter stays Parity's (non-pooling, through the
 * same proxy). {@code ProdEnvironment} and {@code Faults} are always Parity's: take them as method parameters, not in
 * a constructor Spring autowires.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.parity.spring;

import org.apiguardian.api.API;
