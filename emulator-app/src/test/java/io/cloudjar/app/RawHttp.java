package io.cloudjar.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one hand-written HTTP/1.1 request over a socket and returns the raw answer: for inputs no SDK
 * would produce (unsigned forms, broken bodies, oversized headers, arbitrary Host headers).
 */
final class RawHttp {
    private RawHttp() {
    }

    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    static Answer send(int port, String method, String path, String host, String headers, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                + (headers == null ? "" : headers) + "Content-Length: " + payload.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String rest = split < 0 ? "" : raw.substring(split + 4);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Answer(status, head, rest);
        }
    }

    static Answer form(int port, String body) throws IOException {
        return form(port, "localhost", body);
    }

    static Answer form(int port, String host, String body) throws IOException {
        return send(port, "POST", "/", host, "Content-Type: application/x-www-form-urlencoded\r\n", body);
    }
}
