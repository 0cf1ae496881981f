package dev.parity.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A composed annotation, the way users are expected to bundle pins. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@PinTimeZone("Europe/Istanbul")
@PinLocale("tr-TR")
@interface TurkishProduction {}
