package dev.parity.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Toxiproxy's HTTP API that toxiproxy-java reaches only in several calls: a proxy's whole
 * state (enabled, and its toxics with their attributes) in one GET, a toxic with all its attributes in one
 * POST. Each call is one request on a kept-alive connection (JSON through Gson, which toxiproxy-java
 * brings and speaks in its own API).
 */
final class ToxiproxyApi {

    private final String base;

    ToxiproxyApi(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    /** {@code GET /proxies/{name}}: the proxy with {@code enabled} and (since Toxiproxy 2.0) its {@code toxics}. */
    JsonObject proxy(String name) throws IOException {
        return call("GET", "/proxies/" + name, null).getAsJsonObject();
    }

    /** {@code GET /proxies/{name}/toxics}. */
    JsonArray toxics(String proxy) throws IOException {
        return call("GET", "/proxies/" + proxy + "/toxics", null).getAsJsonArray();
    }

    /** {@code POST /proxies/{proxy}/toxics}: name, type, stream, toxicity and attributes at once. */
    void createToxic(String proxy, JsonObject toxic) throws IOException {
        call("POST", "/proxies/" + proxy + "/toxics", toxic);
    }

    void deleteToxic(String proxy, String toxic) throws IOException {
        call("DELETE", "/proxies/" + proxy + "/toxics/" + toxic, null);
    }

    private JsonElement call(String method, String path, JsonObject body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(base + path).openConnection();
        connection.setRequestMethod(method);
        if (body != null) {
            byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(json.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json);
            }
        }
        int status = connection.getResponseCode();
        // read to the end and close, so the connection is kept alive for the next call
        try (InputStream in =
                status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 400) {
                throw new IOException(
                        "Toxiproxy answered "
                                + status
                                + " to "
                                + method
                                + " "
                                + path
                                + ": "
                                + text.strip());
            }
            return text.isBlank() ? JsonParser.parseString("{}") : JsonParser.parseString(text);
        }
    }
}
