package dev.parity.clock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Each test starts from {@link JvmGlobals#DISTINCT}; the JVM's original settings come back afterwards, whatever
 * the test did. Locked so these tests stay correct should this build ever enable parallel execution.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StartFromDistinctJvmGlobals.Extension.class)
@ResourceLock(Resources.TIME_ZONE)
@ResourceLock(Resources.LOCALE)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
public @interface StartFromDistinctJvmGlobals {

    final class Extension implements BeforeEachCallback, AfterEachCallback {
        private static final Namespace NAMESPACE = Namespace.create(Extension.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(NAMESPACE).put("original", JvmGlobals.read());
            JvmGlobals.DISTINCT.write();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            context.getStore(NAMESPACE).remove("original", JvmGlobals.class).write();
        }
    }
}
