package io.cloudjar.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP/1.0 clients that ask for keep-alive (ApacheBench, old proxies) get it, announced, on one connection. */
class KeepAliveTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void http10KeepAliveRequestsShareOneConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", cloudjar.port())) {
            socket.setSoTimeout(30_000); // generous: the first call loads Jackson, slow on a busy machine
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 2; i++) {
                out.write("GET /_cloudjar/health HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(in.readLine()).startsWith("HTTP/1.0 200");
                int length = -1;
                boolean keepAlive = false;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                    keepAlive |= line.equalsIgnoreCase("connection: keep-alive");
                }
                assertThat(keepAlive).isTrue();
                char[] body = new char[length];
                int read = 0;
                while (read < length) {
                    read += in.read(body, read, length - read);
                }
                assertThat(new String(body)).contains("\"services\"");
            }
        }
    }
}
