package dev.parity.examples.shop;

/** A request the shop refuses (unknown product, not enough stock) or a failure talking to its database. */
public class ShopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShopException(String message) {
        super(message);
    }

    public ShopException(String message, Throwable cause) {
        super(message, cause);
    }
}
