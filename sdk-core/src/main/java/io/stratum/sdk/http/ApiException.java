package io.stratum.sdk.http;

/**
 * A request the API refuses: answered with {@code status} and the JSON body
 * {@code {"error": message, "parameter": parameter}} (parameter omitted when null). Never logged
 * with a stack trace: it is the caller's mistake, not ours.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String parameter;

    public ApiException(int status, String parameter, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.parameter = parameter;
    }

    /** 400: a bad value for {@code parameter}. */
    public static ApiException badRequest(String parameter, String message) {
        return new ApiException(400, parameter, message);
    }

    /** 404: {@code parameter} names nothing that exists. */
    public static ApiException notFound(String parameter, String message) {
        return new ApiException(404, parameter, message);
    }

    /** 409: the request conflicts with the current state. */
    public static ApiException conflict(String message) {
        return new ApiException(409, null, message);
    }

    public int status() {
        return status;
    }

    /** @return the request parameter at fault, or null */
    public String parameter() {
        return parameter;
    }
}
