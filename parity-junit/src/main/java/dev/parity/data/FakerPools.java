package dev.parity.data;

import dev.parity.config.Suggestions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.datafaker.Faker;
import net.datafaker.providers.base.AbstractProvider;

/**
 * Pools of pre-generated Datafaker values, one per expression: some providers cost microseconds a call,
 * so a cell draws from a pool instead. Each pool has its own Faker seeded from (seed, expression), so its
 * values do not depend on which thread builds it or on the other pools.
 */
final class FakerPools {

    /** Values per pool: enough variety for realistic duplicates, cheap enough to build on every load. */
    static final int SIZE = 1024;

    /** How long {@link #fill} waits for every pool: a pool takes milliseconds, a slow regex seconds. */
    static final Duration BUILD_WAIT = Duration.ofMinutes(5);

    private static final Pattern DIRECTIVE =
            Pattern.compile("#\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final long seed;
    private final Map<String, Pool> pools = new LinkedHashMap<>();

    FakerPools(long seed) {
        this.seed = seed;
    }

    /**
     * Values of one expression, or of one regular expression ({@code faker.regexify}); built by {@link #fill}, or on
     * first use by a pool asked for after it (its values are the same either way: they depend on the seed and the
     * expression only).
     */
    static final class Pool {

        private final FakerPools owner;
        private final String expression;
        private final boolean regex;
        private volatile String[] values;
        private volatile String[] lowerCase;

        Pool(FakerPools owner, String expression, boolean regex) {
            this.owner = owner;
            this.expression = expression;
            this.regex = regex;
        }

        String pick(CellRandom random) {
            String[] all = values();
            return all[random.nextInt(all.length)];
        }

        /** A value in lower case, for e-mail addresses and user names built from names. */
        String pickLowerCase(CellRandom random) {
            values();
            return lowerCase[random.nextInt(lowerCase.length)];
        }

        String at(int index) {
            String[] all = values();
            return all[index % all.length];
        }

        int size() {
            return values().length;
        }

        private String[] values() {
            String[] all = values;
            if (all == null) {
                synchronized (this) {
                    if (values == null) {
                        build();
                    }
                    all = values;
                }
            }
            return all;
        }

        private void build() {
            String[] built = owner.build(expression, regex);
            lowerCase =
                    Arrays.stream(built)
                            .map(v -> v.toLowerCase(Locale.ROOT).replace(' ', '.').replace("'", ""))
                            .toArray(String[]::new);
            values = built;
        }
    }

    synchronized Pool pool(String expression) {
        return pools.computeIfAbsent(expression, e -> new Pool(this, e, false));
    }

    /** Strings that match a regular expression (Datafaker's {@code regexify}). */
    synchronized Pool regexPool(String regex) {
        return pools.computeIfAbsent("regex:" + regex, e -> new Pool(this, regex, true));
    }

    /** Builds every pool not built yet, in parallel. */
    void fill(ExecutorService executor) {
        List<Future<?>> builds = new ArrayList<>();
        for (Pool pool : pools.values()) {
            if (pool.values == null) {
                builds.add(executor.submit(pool::values));
            }
        }
        long deadline = System.nanoTime() + BUILD_WAIT.toNanos();
        try {
            for (Future<?> build : builds) {
                build.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "a Datafaker pool could not be built: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the Datafaker pools ("
                            + builds.size()
                            + ") were not built within "
                            + BUILD_WAIT.toSeconds()
                            + " s: an expression or regex of the profile's datasets takes too long to make values",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Datafaker pools", e);
        } finally {
            builds.forEach(
                    build ->
                            build.cancel(
                                    true)); // nothing: those done; the others are not left running
        }
    }

    private String[] build(String expression, boolean regex) {
        // a Faker is costly to make (it loads its locale files), so each thread keeps one and
        // reseeds its Random
        Seeded faker = PER_THREAD.get();
        faker.random.setSeed(
                CellRandom.mix(seed, CellRandom.hash((regex ? "regex:" : "") + expression)));
        String[] values = new String[SIZE];
        for (int i = 0; i < SIZE; i++) {
            // PostgreSQL text cannot hold NUL
            values[i] =
                    (regex ? faker.faker.regexify(expression) : faker.faker.expression(expression))
                            .replace("\0", "");
        }
        return values;
    }

    /** A Faker whose Random Parity reseeds. */
    private record Seeded(Faker faker, Random random) {
        static Seeded create() {
            Random random = new Random(0);
            return new Seeded(new Faker(Locale.ENGLISH, random), random);
        }
    }

    private static final ThreadLocal<Seeded> PER_THREAD = ThreadLocal.withInitial(Seeded::create);

    /** The providers Parity's own column rules draw from (NameRules, TextValues). */
    private static final List<String> COMMON =
            List.of(
                    "#{Name.fullName}",
                    "#{Name.firstName}",
                    "#{Name.lastName}",
                    "#{Internet.emailAddress}",
                    "#{Internet.domainName}",
                    "#{Internet.username}",
                    "#{Internet.url}",
                    "#{PhoneNumber.phoneNumber}",
                    "#{Address.city}",
                    "#{Address.streetAddress}",
                    "#{Address.country}",
                    "#{Address.zipCode}",
                    "#{Lorem.sentence}",
                    "#{Company.name}");

    private static final AtomicBoolean WARMED = new AtomicBoolean();

    /**
     * Makes one value of each common provider, once per JVM, on the calling thread: Datafaker then has its
     * classes and locale files loaded (half a second, kept for every Faker after), so the pools a load builds
     * later cost only their values. The values made here are thrown away: a pool's values depend on its
     * seed and expression alone.
     */
    static void warmUp() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Faker faker = new Faker(Locale.ENGLISH, new Random(0));
        for (String expression : COMMON) {
            try {
                faker.expression(expression);
            } catch (RuntimeException ignored) {
                // a provider this Datafaker lacks is only not warmed; its pool says why, if asked
            }
        }
    }

    /** {@link #warmUp()} on a daemon thread of its own, unless done or under way. */
    static void warmUpInBackground() {
        if (!WARMED.get()) {
            Thread thread = new Thread(FakerPools::warmUp, "parity-datafaker-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Why Datafaker rejects {@code expression}, with the nearest provider or method it does know; empty
     * when the expression works.
     */
    static Optional<String> rejection(String expression) {
        try {
            Holder.FAKER.expression(expression);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(
                    "Datafaker cannot resolve the expression '"
                            + expression
                            + "'"
                            + suggestion(expression));
        }
    }

    /** One Faker for validation only; it is never used for values. */
    private static final class Holder {
        static final Faker FAKER = new Faker(Locale.ENGLISH, new Random(0));
    }

    private static String suggestion(String expression) {
        Matcher m = DIRECTIVE.matcher(expression);
        if (!m.find()) {
            return "";
        }
        String provider = m.group(1);
        String method = m.group(2);
        Map<String, Class<?>> providers = providers();
        Class<?> type =
                providers.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(provider))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
        if (type == null) {
            return Suggestions.nearest(provider, providers.keySet())
                    .map(
                            p ->
                                    ": there is no provider '"
                                            + provider
                                            + "'. Did you mean '"
                                            + p
                                            + "'?")
                    .orElse(": there is no provider '" + provider + "'");
        }
        List<String> methods =
                Arrays.stream(type.getMethods())
                        .filter(
                                x ->
                                        Modifier.isPublic(x.getModifiers())
                                                && x.getParameterCount() == 0
                                                && x.getReturnType() == String.class)
                        .map(Method::getName)
                        .distinct()
                        .collect(Collectors.toList());
        String name = capitalized(type.getSimpleName());
        return Suggestions.nearest(method, methods)
                .map(
                        x ->
                                ": "
                                        + name
                                        + " has no method '"
                                        + method
                                        + "'. Did you mean '#{"
                                        + name
                                        + "."
                                        + x
                                        + "}'?")
                .orElse(": " + name + " has no method '" + method + "'");
    }

    /** Faker's providers by the name used in expressions (its accessor, e.g. internet → Internet). */
    private static Map<String, Class<?>> providers() {
        Map<String, Class<?>> providers = new LinkedHashMap<>();
        for (Method accessor : Faker.class.getMethods()) {
            if (accessor.getParameterCount() == 0
                    && AbstractProvider.class.isAssignableFrom(accessor.getReturnType())) {
                providers.put(capitalized(accessor.getName()), accessor.getReturnType());
            }
        }
        return providers;
    }

    private static String capitalized(String name) {
        return name.isEmpty()
                ? name
                : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
