package dev.parity.examples.shop;

/** A customer of the shop. */
public record Customer(long id, String email, String fullName, String country) {}
