package dev.parity.engine.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import liquibase.Scope;
import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandDefinition;
import liquibase.command.CommandFactory;
import liquibase.configuration.ConfigurationDefinition;
import liquibase.configuration.LiquibaseConfiguration;
import org.apiguardian.api.API;

/**
 * Liquibase's own configuration keys, as {@code liquibase.properties} and its command line take them: an argument
 * of its {@code update} command ({@code contextFilter}, {@code labelFilter}, {@code defaultSchemaName}), or one of
 * its registered settings ({@code liquibase.databaseChangeLogTableName}, {@code liquibase.changelogLockWaitTimeInMinutes}),
 * each without its {@code liquibase.} (or {@code liquibase.command.}) prefix. An argument goes to the command, a
 * setting into the {@link Scope} the update runs in, where Liquibase reads its settings first.
 *
 * <p>Touched only where Liquibase is on the test classpath.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LiquibaseKeys {

    /** Liquibase's prefix of its settings. */
    public static final String PREFIX = "liquibase.";

    private LiquibaseKeys() {}

    /** The argument of {@code update} (or {@code updateToTag}) {@code key} names, by its name or an alias; empty if it names none. */
    public static Optional<String> argument(String key) {
        for (CommandDefinition command : commands()) {
            for (Map.Entry<String, CommandArgumentDefinition<?>> argument :
                    command.getArguments().entrySet()) {
                if (argument.getKey().equalsIgnoreCase(key)
                        || argument.getValue().getAliases().stream()
                                .anyMatch(key::equalsIgnoreCase)) {
                    return Optional.of(argument.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The registered setting {@code key} names ({@code liquibase.<key>}, or an alias of one); empty if it names none. */
    public static Optional<String> setting(String key) {
        LiquibaseConfiguration configuration =
                Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
        ConfigurationDefinition<?> definition = configuration.getRegisteredDefinition(PREFIX + key);
        return Optional.ofNullable(definition).map(ConfigurationDefinition::getKey);
    }

    /** What is wrong with {@code key} for Liquibase; empty if it knows it. */
    public static Optional<String> problem(String key) {
        return argument(key).isPresent() || setting(key).isPresent()
                ? Optional.empty()
                : Optional.of(
                        "Liquibase has neither an argument of its update command nor a setting "
                                + PREFIX
                                + key);
    }

    /** Every argument of {@code update} and {@code updateToTag}, and every registered setting without its prefix. */
    public static List<String> known() {
        TreeSet<String> keys = new TreeSet<>();
        commands().forEach(command -> keys.addAll(command.getArguments().keySet()));
        for (ConfigurationDefinition<?> definition :
                Scope.getCurrentScope()
                        .getSingleton(LiquibaseConfiguration.class)
                        .getRegisteredDefinitions(false)) {
            if (definition.getKey().startsWith(PREFIX)) {
                keys.add(definition.getKey().substring(PREFIX.length()));
            }
        }
        return List.copyOf(keys);
    }

    private static List<CommandDefinition> commands() {
        CommandFactory factory = Scope.getCurrentScope().getSingleton(CommandFactory.class);
        return List.of(
                factory.getCommandDefinition("update"),
                factory.getCommandDefinition("updateToTag"));
    }
}
