package io.cloudjar.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A streamed {@code multipart/form-data} body (RFC 7578), as browsers send HTML form uploads: the text
 * fields before the file are read whole (up to a limit); the file part is then read as a stream that ends
 * at the next boundary, so a large upload is never held in memory. Fields after the file are ignored,
 * as S3 ignores them.
 */
public final class MultipartForm {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter; // CRLF "--" boundary
    private final byte[] buf;
    private int start;
    private int end;
    private boolean inputDone;

    private final Headers fields = new Headers();
    private String fileName;
    private String fileContentType;
    private InputStream file;

    private MultipartForm(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
    }

    /** The boundary of a {@code multipart/form-data} content type, or null for any other type. */
    public static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    /**
     * Reads the fields up to the file part (or the end of the form).
     *
     * @param fieldLimit the most bytes all fields together may have
     */
    public static MultipartForm read(InputStream in, String boundary, int fieldLimit) throws IOException {
        MultipartForm form = new MultipartForm(in, boundary);
        form.readFields(fieldLimit);
        return form;
    }

    /** The text fields in order, names as sent (looked up case-insensitively). */
    public Headers fields() {
        return fields;
    }

    /** The file part's content, ending at its boundary; null when the form had no file. */
    public InputStream file() {
        return file;
    }

    public String fileName() {
        return fileName;
    }

    public String fileContentType() {
        return fileContentType;
    }

    private void readFields(int fieldLimit) throws IOException {
        String first;
        do {
            first = readLine();
        } while (first.isEmpty());
        if (!first.equals(new String(delimiter, 2, delimiter.length - 2, StandardCharsets.ISO_8859_1))) {
            throw new IOException("multipart body does not start with its boundary");
        }
        int used = 0;
        while (true) {
            String name = null;
            String filename = null;
            String contentType = null;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                String header = colon < 0 ? line : line.substring(0, colon).trim();
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                if (header.equalsIgnoreCase("Content-Disposition")) {
                    name = param(value, "name");
                    filename = param(value, "filename");
                } else if (header.equalsIgnoreCase("Content-Type")) {
                    contentType = value;
                }
            }
            if (filename != null || "file".equals(name)) {
                fileName = filename == null ? "" : filename;
                fileContentType = contentType;
                file = new PartStream(true);
                return;
            }
            byte[] value = new PartStream(false).readAllBytes();
            used += value.length + (name == null ? 0 : name.length());
            if (used > fieldLimit) {
                throw new IOException("form fields exceed " + fieldLimit + " bytes");
            }
            if (name != null) {
                fields.add(name, new String(value, StandardCharsets.UTF_8));
            }
            if (afterDelimiterIsEnd()) {
                return;
            }
        }
    }

    /** After a delimiter: "--" ends the form, CRLF starts another part. */
    private boolean afterDelimiterIsEnd() throws IOException {
        fill(2);
        if (end - start < 2) {
            return true;
        }
        boolean last = buf[start] == '-' && buf[start + 1] == '-';
        readLine();
        return last;
    }

    private static String param(String disposition, String name) {
        for (String part : disposition.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                return v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (start == end && !fill(1)) {
                throw new EOFException("multipart body ended early");
            }
            byte b = buf[start++];
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            if (line.length() > 8192) {
                throw new IOException("multipart header line too long");
            }
            line.append((char) (b & 0xff));
        }
    }

    /** Tries to have at least {@code want} bytes buffered; false when the input ended with none buffered. */
    private boolean fill(int want) throws IOException {
        if (end - start >= want) {
            return true;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < want && !inputDone) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                inputDone = true;
            } else {
                end += n;
            }
        }
        return end > start;
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = start; i <= end - delimiter.length; i++) {
            for (int k = 0; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One part's content: everything up to the next delimiter, which it consumes. */
    private final class PartStream extends InputStream {
        private final boolean drainAfter;
        private boolean done;

        PartStream(boolean drainAfter) {
            this.drainAfter = drainAfter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                fill(delimiter.length);
                int at = indexOfDelimiter();
                int available = at >= 0 ? at - start : end - start - (inputDone ? 0 : delimiter.length - 1);
                if (at == start) {
                    start += delimiter.length;
                    done = true;
                    if (drainAfter) {
                        in.skip(Long.MAX_VALUE); // the epilogue and any fields after the file, which S3 ignores
                    }
                    return -1;
                }
                if (available > 0) {
                    int n = Math.min(len, available);
                    System.arraycopy(buf, start, dst, off, n);
                    start += n;
                    return n;
                }
                if (inputDone) {
                    throw new EOFException("multipart part is not closed by its boundary");
                }
                fill(end - start + 1); // a partial delimiter at the end: read more
            }
        }
    }
}
