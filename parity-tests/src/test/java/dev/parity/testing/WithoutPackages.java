package dev.parity.testing;

import java.util.List;

/**
 * A class loader that sees everything its parent sees but the classes of some packages, as the test
 * classpath of a project without a library: {@code new WithoutPackages(loader, "org.flywaydb.")}.
 */
public final class WithoutPackages extends ClassLoader {

    private final List<String> hidden;

    public WithoutPackages(ClassLoader parent, String... packagePrefixes) {
        super(parent);
        this.hidden = List.of(packagePrefixes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (hidden.stream().anyMatch(name::startsWith)) {
            throw new ClassNotFoundException(name + " (hidden by " + this + ")");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public String toString() {
        return "WithoutPackages" + hidden;
    }
}
