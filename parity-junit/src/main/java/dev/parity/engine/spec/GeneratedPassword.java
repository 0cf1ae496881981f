package dev.parity.engine.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The password of profiles that set none ({@link DatabaseSpec#GENERATED_PASSWORD}): random, once per user, in a file
 * only the user can read, created atomically (two first runs at once agree on one).
 */
final class GeneratedPassword {

    private static final String LETTERS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;

    private GeneratedPassword() {}

    static String kept() {
        Path file =
                Path.of(
                        System.getProperty("user.home", "."),
                        ".cache",
                        "parity",
                        "generated-password");
        try {
            return readOrCreate(file);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return random(); // a home without a cache folder: one per run, and no warm starts
        }
    }

    static String readOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (valid(kept)) {
                return kept;
            }
        }
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile(file.getParent(), ".generated-password", ".tmp");
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            String fresh = random();
            Files.writeString(written, fresh + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(
                        file, written); // atomic, and never replaces: the first run's stays
            } catch (FileAlreadyExistsException e) {
                // another run's first start wrote it meanwhile
            } catch (UnsupportedOperationException e) {
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            }
            String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return valid(kept) ? kept : fresh;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static boolean valid(String password) {
        return password.length() == LENGTH
                && password.chars().allMatch(c -> LETTERS.indexOf(c) >= 0);
    }

    private static String random() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return password.toString();
    }
}
