package dev.parity.spring;

import dev.parity.engine.spec.MigrationTool;
import dev.parity.engine.spec.MigrationsSpec;
import dev.parity.report.RunLog;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The application's {@code spring.flyway.*} or {@code spring.liquibase.*}, as the test class's context will see them
 * (its {@code application.properties} or {@code .yml} and their profile-specific siblings for its active profiles, its
 * {@code @TestPropertySource} files and its test properties, {@code @SpringBootTest(properties = ...)} among them),
 * read before the context exists, since the migrations run when the environment starts, and given to the profile's
 * migrations as the tool's own keys, as Spring Boot gives them to the tool:
 *
 * <ul>
 *   <li>each {@code spring.flyway.<name>} is Flyway's key {@code <name>} in camelCase, segment by segment
 *       ({@code baseline-on-migrate} is {@code baselineOnMigrate}, {@code schemas[0]}, {@code schemas[1]} a list), except
 *       {@code postgresql.transactional-lock} ({@code postgresql.transactional.lock}) and {@code init-sqls} ({@code initSql});
 *   <li>each {@code spring.liquibase.<name>} likewise, except Boot's own names {@code contexts} ({@code contextFilter}),
 *       {@code default-schema}, {@code liquibase-schema}, {@code liquibase-tablespace} ({@code ...Name}),
 *       {@code database-change-log-table} and {@code database-change-log-lock-table} ({@code ...TableName});
 *   <li>{@code placeholders.*} (Liquibase: {@code parameters.*}) are placeholders, {@code target} (Liquibase: {@code tag})
 *       the target, where the profile gives none; the connection ({@code url}, {@code user}, {@code password},
 *       {@code driver-class-name}), {@code locations} ({@code change-log}) and {@code enabled} are left out: Parity runs the
 *       profile's migrations on its database whether or not the application runs them again at start;
 *   <li>what the profile's {@code migrations.config} or the project's flyway.conf sets is not overridden; a key the tool does
 *       not take (Boot's own, such as {@code drop-first}) is left out, and logged.
 * </ul>
 */
final class SpringMigrationProperties {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]$");
    private static final Map<String, String> FLYWAY_NAMES =
            Map.of(
                    "postgresql.transactionalLock",
                    "postgresql.transactional.lock",
                    "initSqls",
                    "initSql");
    private static final Map<String, String> LIQUIBASE_NAMES =
            Map.of(
                    "contexts",
                    "contextFilter",
                    "defaultSchema",
                    "defaultSchemaName",
                    "liquibaseSchema",
                    "liquibaseSchemaName",
                    "liquibaseTablespace",
                    "liquibaseTablespaceName",
                    "databaseChangeLogTable",
                    "databaseChangeLogTableName",
                    "databaseChangeLogLockTable",
                    "databaseChangeLogLockTableName");
    private static final List<String> LEFT_OUT =
            List.of(
                    "url",
                    "user",
                    "password",
                    "driverClassName",
                    "enabled",
                    "locations",
                    "changeLog");

    private SpringMigrationProperties() {}

    /** {@code migrations} with what the application's properties add to it. */
    static MigrationsSpec completed(Class<?> testClass, MigrationsSpec migrations) {
        boolean flyway = migrations.tool() == MigrationTool.FLYWAY;
        Map<String, String> properties =
                properties(environment(testClass), flyway ? "spring.flyway." : "spring.liquibase.");
        if (properties.isEmpty()) {
            return migrations;
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        String target = null;
        Map<String, String> config = new TreeMap<>();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = camel(property.getKey());
            String placeholderPrefix = flyway ? "placeholders." : "parameters.";
            if (property.getKey().startsWith(placeholderPrefix)) {
                placeholders.put(
                        property.getKey().substring(placeholderPrefix.length()),
                        property.getValue());
            } else if (name.equals(flyway ? "target" : "tag")) {
                target = property.getValue();
            } else if (!LEFT_OUT.contains(name)) {
                String key = (flyway ? FLYWAY_NAMES : LIQUIBASE_NAMES).getOrDefault(name, name);
                String value =
                        key.equals("initSql")
                                ? property.getValue().replace(",", "\n")
                                : property.getValue();
                var problem = migrations.tool().keyProblem(classLoader, key, value);
                if (problem.isPresent()) {
                    System.getLogger(RunLog.LOGGER)
                            .log(
                                    Level.WARNING,
                                    () ->
                                            "Parity: spring."
                                                    + (flyway ? "flyway." : "liquibase.")
                                                    + property.getKey()
                                                    + " of "
                                                    + testClass.getName()
                                                    + "'s application is not given to the profile's migrations: "
                                                    + problem.get());
                } else {
                    config.put(key, value);
                }
            }
        }
        migrations.placeholders().forEach(placeholders::put);
        config.putAll(migrations.config());
        return new MigrationsSpec(
                migrations.tool(),
                migrations.locations(),
                placeholders,
                migrations.target() != null ? migrations.target() : target,
                config);
    }

    /** The environment the class's context starts from, before any bean: config data, test property sources, test properties. */
    private static StandardEnvironment environment(Class<?> testClass) {
        MergedContextConfiguration merged =
                BootstrapUtils.resolveTestContextBootstrapper(testClass)
                        .buildMergedContextConfiguration();
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(merged.getActiveProfiles());
        DefaultResourceLoader resources =
                new DefaultResourceLoader(Thread.currentThread().getContextClassLoader());
        TestPropertySourceUtils.addPropertySourcesToEnvironment(
                environment, resources, merged.getPropertySourceDescriptors());
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                environment, merged.getPropertySourceProperties());
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }

    /** Every property under {@code prefix}, without it, by precedence; indexed ones ({@code schemas[0]}) joined by commas. */
    private static Map<String, String> properties(StandardEnvironment environment, String prefix) {
        Map<String, TreeMap<Integer, String>> lists = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (!name.startsWith(prefix)) {
                    continue;
                }
                String key = name.substring(prefix.length());
                String value = environment.getProperty(name);
                Matcher index = INDEX.matcher(key);
                if (index.find()) {
                    lists.computeIfAbsent(key.substring(0, index.start()), k -> new TreeMap<>())
                            .putIfAbsent(Integer.parseInt(index.group(1)), value);
                } else if (value != null) {
                    properties.putIfAbsent(key, value);
                }
            }
        }
        lists.forEach(
                (key, items) ->
                        properties.putIfAbsent(
                                key, String.join(",", new ArrayList<>(items.values()))));
        return properties;
    }

    /** Boot's kebab-case ({@code baseline-on-migrate}) in the tools' camelCase, segment by segment. */
    private static String camel(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
