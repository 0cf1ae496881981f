package dev.parity.junit;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a {@link javax.sql.DataSource} parameter as Parity's: the class's database through its proxy (or the test's
 * own copy with {@link FreshDatabase}), whatever other extensions are registered. A test or lifecycle method (or a
 * constructor nobody autowires) declares it:
 *
 * <pre>{@code
 * @Test
 * void reportsRevenue(@ProdDataSource DataSource prod, @Autowired OrderService orders) { ... }
 * }</pre>
 *
 * <p>A plain {@code DataSource} parameter (no annotation, or nullness ones only) is Parity's too, unless a framework's
 * integration says its extension resolves it (with {@code parity-spring}: every parameter of a constructor Spring
 * autowires). The annotation is for the parameter you want from Parity where a framework would otherwise take it,
 * and for readers. In a constructor Spring autowires, Spring claims every parameter, so this one there fails with
 * JUnit's "competing ParameterResolvers" error, naming both extensions: take it in a method instead.
 *
 * <p>Connections it opened and left open when the test (or the class, for a class-level parameter) ends are closed,
 * and named in a warning. Safe in parallel classes: each class has its own proxy, each test its own copy.
 */
@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ProdDataSource {}
