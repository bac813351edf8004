package io.cloudjar.ec2.keys;

import java.util.Base64;

/** PEM-style armour: base64 in fixed-width lines between BEGIN and END markers. */
final class Pem {
    private Pem() {
    }

    /** EC2 returns key material without a trailing newline. */
    static String armour(String label, byte[] der, int lineWidth) {
        return "-----BEGIN " + label + "-----\n"
                + wrap(Base64.getEncoder().encodeToString(der), lineWidth) + "\n"
                + "-----END " + label + "-----";
    }

    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / width + 1);
        for (int i = 0; i < text.length(); i += width) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(text, i, Math.min(text.length(), i + width));
        }
        return out.toString();
    }
}
