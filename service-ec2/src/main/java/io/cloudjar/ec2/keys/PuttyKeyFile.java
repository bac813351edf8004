package io.cloudjar.ec2.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/**
 * PuTTY's {@code .ppk} format, version 2 without a passphrase, which is what EC2 returns for
 * {@code KeyFormat=ppk}. The layout and MAC are defined by PuTTY's documentation (appendix C).
 */
final class PuttyKeyFile {
    private static final String MAC_KEY_LABEL = "putty-private-key-file-mac-key";
    private static final int LINE = 64;

    private PuttyKeyFile() {
    }

    static String rsa(RSAPrivateCrtKeyParameters key, byte[] publicBlob, String comment) {
        byte[] privateBlob = new SshWire()
                .mpint(key.getExponent())
                .mpint(key.getP())
                .mpint(key.getQ())
                .mpint(key.getQInv())
                .bytes();
        return render("ssh-rsa", publicBlob, privateBlob, comment);
    }

    static String ed25519(Ed25519PrivateKeyParameters key, byte[] publicBlob, String comment) {
        // PuTTY keeps the 32-byte EdDSA private scalar seed as one SSH string.
        byte[] privateBlob = new SshWire().string(key.getEncoded()).bytes();
        return render("ssh-ed25519", publicBlob, privateBlob, comment);
    }

    private static String render(String algorithm, byte[] publicBlob, byte[] privateBlob, String comment) {
        String encryption = "none";
        byte[] macInput = new SshWire().string(algorithm).string(encryption).string(comment)
                .string(publicBlob).string(privateBlob).bytes();
        String publicLines = Pem.wrap(Base64.getEncoder().encodeToString(publicBlob), LINE);
        String privateLines = Pem.wrap(Base64.getEncoder().encodeToString(privateBlob), LINE);
        return "PuTTY-User-Key-File-2: " + algorithm + "\n"
                + "Encryption: " + encryption + "\n"
                + "Comment: " + comment + "\n"
                + "Public-Lines: " + lineCount(publicLines) + "\n" + publicLines + "\n"
                + "Private-Lines: " + lineCount(privateLines) + "\n" + privateLines + "\n"
                + "Private-MAC: " + HexFormat.of().formatHex(mac(macInput)) + "\n";
    }

    private static long lineCount(String lines) {
        return lines.chars().filter(c -> c == '\n').count() + 1;
    }

    private static byte[] mac(byte[] data) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-1").digest(MAC_KEY_LABEL.getBytes(StandardCharsets.US_ASCII));
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(key, "HmacSHA1"));
            return hmac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }
}
