package io.cloudjar.core.protocol.xml;

/**
 * The characters XML 1.0 allows ({@code Char}: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF).
 * Clients can put the others into names and ids that answers echo (a {@code \u0000} in a VPC id, an IAM ARN, an
 * S3 key), and one of them written raw makes the whole answer unreadable: botocore and the SDK's StAX parser
 * refuse the document.
 *
 * <p>They are replaced with U+FFFD rather than escaped: XML 1.0 forbids the numeric references too
 * ({@code &#x0;}, {@code &#x1;}: well-formedness constraint "Legal Character"; only XML 1.1 allows
 * {@code &#x1;}–{@code &#x1F;}), so an escaped document is just as unreadable. The replacement keeps the
 * answer readable and shows where the character was. S3 listings that must return such keys exactly do so
 * with {@code encoding-type=url}, as S3 does.
 *
 * <p>A carriage return is legal but written as {@code &#13;}: a parser turns a raw CR (and CR LF) into LF
 * (end-of-line handling), so a key or value holding one would be read back changed. S3 writes it that way.
 */
public final class XmlChars {
    public static final char REPLACEMENT = '\uFFFD';

    private XmlChars() {
    }

    /**
     * {@code text} with every character XML 1.0 forbids, and every unpaired surrogate, replaced by U+FFFD, and every
     * CR written as a character reference. Only for finished documents: the markup Cloudjar writes holds no CR.
     */
    public static String legal(String text) {
        int first = firstIllegal(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\r') {
                out.append("&#13;");
            } else {
                out.append(isLegal(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }

    /** Where the first character to replace (or CR to escape) is, or -1: most documents have none and are returned as they are. */
    private static int firstIllegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue; // nearly every character: one comparison pair
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!isLegal(c) || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** One UTF-16 unit outside a surrogate pair: surrogates alone are never legal. */
    private static boolean isLegal(char c) {
        return c >= 0x20 ? c < 0xD800 || (c >= 0xE000 && c <= 0xFFFD) : c == '\t' || c == '\n' || c == '\r';
    }
}
