package dev.parity.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A SHA-256 over labelled parts, in the order added: what a snapshot's key is made of. Files count by their bytes,
 * folders by every file in them (names and bytes, in name order), code by its jar or class folder, so an edited
 * migration, script or build of Parity gives another key. Each label is written with its value, so two parts cannot
 * run into each other.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Fingerprint {

    /** The code behind a class, by location: hashing a jar or a class folder once per JVM is enough. */
    private static final Map<String, String> CODE = new ConcurrentHashMap<>();

    private final MessageDigest digest = Sha256.digest();

    /** Adds {@code label} and {@code value}'s text ({@code null} as such). */
    public Fingerprint add(String label, Object value) {
        text(label + "=" + value + "\n");
        return this;
    }

    /** Adds {@code label} and {@code bytes}, with their length. */
    public Fingerprint addBytes(String label, byte[] bytes) {
        text(label + "#" + bytes.length + "\n");
        digest.update(bytes);
        return this;
    }

    /** Adds a classpath resource's bytes, or that it is missing. */
    public Fingerprint addResource(String label, ClassLoader classLoader, String name) {
        URL url = classLoader.getResource(strip(name));
        if (url == null) {
            return add(label, "missing");
        }
        return addBytes(label, read(url));
    }

    /**
     * Adds every file under a location as migrations name them: {@code classpath:db/migration} (every copy of that
     * folder on the classpath, in folders or jars), {@code filesystem:sql}, or a bare classpath folder.
     */
    public Fingerprint addTree(String label, ClassLoader classLoader, String location) {
        Map<String, byte[]> files = new TreeMap<>();
        if (location.regionMatches(true, 0, "filesystem:", 0, "filesystem:".length())) {
            collectFolder(Path.of(location.substring("filesystem:".length())), "", files);
        } else {
            String folder = strip(location);
            try {
                for (URL url : Collections.list(classLoader.getResources(folder))) {
                    collect(url, folder, files);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + location, e);
            }
        }
        add(label, location + " (" + files.size() + " files)");
        files.forEach((name, bytes) -> addBytes(label + "/" + name, bytes));
        return this;
    }

    /** Adds the code {@code type} was loaded from: its jar's bytes, or every class file of its folder. */
    public Fingerprint addCodeOf(String label, Class<?> type) {
        URL location =
                type.getProtectionDomain().getCodeSource() == null
                        ? null
                        : type.getProtectionDomain().getCodeSource().getLocation();
        if (location == null) {
            return add(label, type.getName() + " from an unknown place");
        }
        String hash =
                CODE.computeIfAbsent(
                        location.toString(),
                        where -> {
                            Fingerprint code = new Fingerprint();
                            Path path = toPath(location);
                            if (Files.isDirectory(path)) {
                                Map<String, byte[]> files = new TreeMap<>();
                                collectFolder(path, "", files);
                                files.forEach(code::addBytes);
                            } else {
                                try {
                                    code.addBytes("jar", Files.readAllBytes(path));
                                } catch (IOException e) {
                                    throw new UncheckedIOException("cannot read " + path, e);
                                }
                            }
                            return code.hex();
                        });
        return add(label, hash);
    }

    /** The digest so far, in hex; the fingerprint can take more parts after. */
    public String hex() {
        try {
            return Sha256.hex((MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned here", e);
        }
    }

    private void text(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String strip(String name) {
        String bare = name.startsWith("classpath:") ? name.substring("classpath:".length()) : name;
        while (bare.startsWith("/")) {
            bare = bare.substring(1);
        }
        return bare;
    }

    private static void collect(URL url, String folder, Map<String, byte[]> files)
            throws IOException {
        if (url.getProtocol().equals("file")) {
            collectFolder(toPath(url), "", files);
        } else if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            try (JarFile jar = connection.getJarFile()) {
                List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
                for (JarEntry entry : entries) {
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(
                                    entry.getName().substring(prefix.length()), in.readAllBytes());
                        }
                    }
                }
            }
        } else {
            files.put(url.toString(), read(url));
        }
    }

    private static void collectFolder(Path root, String prefix, Map<String, byte[]> files) {
        if (!Files.exists(root)) {
            return;
        }
        if (Files.isRegularFile(root)) {
            try {
                files.put(prefix + root.getFileName(), Files.readAllBytes(root));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root, e);
            }
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(
                        prefix + root.relativize(file).toString().replace('\\', '/'),
                        Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(url.getPath());
        }
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
