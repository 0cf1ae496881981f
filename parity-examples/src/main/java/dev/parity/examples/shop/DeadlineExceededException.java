package dev.parity.examples.shop;

import java.time.Duration;

/** A request that could not be answered within its deadline; the caller can answer "try again". */
public class DeadlineExceededException extends ShopException {

    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String what, Duration deadline, Throwable cause) {
        super(
                what
                        + " did not finish within its "
                        + deadline.toMillis()
                        + " ms deadline: "
                        + cause.getMessage(),
                cause);
    }
}
