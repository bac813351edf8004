package io.cloudjar.ec2.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Reads the public keys {@code ImportKeyPair} accepts: an OpenSSH line ({@code ssh-rsa AAAA… comment}), an
 * RFC 4716 SSH2 block, or base64 DER ({@code SubjectPublicKeyInfo}); RSA of 1024 to 4096 bits and ED25519.
 */
public final class PublicKeys {
    private static final Pattern OPENSSH_LINE = Pattern.compile("^(ssh-rsa|ssh-ed25519)\\s+([A-Za-z0-9+/=]+)(?:\\s+(.*))?$");
    private static final List<Integer> RSA_SIZES = List.of(1024, 2048, 3072, 4096);

    private PublicKeys() {
    }

    /** An imported public key: its type, a normalised OpenSSH line and AWS's fingerprint. */
    public record Imported(String keyType, String publicKey, String fingerprint) {
    }

    /** Empty when the material is not a supported public key. */
    public static Optional<Imported> parse(byte[] material) {
        String text = new String(material, StandardCharsets.UTF_8).trim();
        try {
            AsymmetricKeyParameter key = readKey(text);
            if (key == null || key.isPrivate()) {
                return Optional.empty();
            }
            byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(key);
            if (key instanceof RSAKeyParameters rsa) {
                if (!RSA_SIZES.contains(rsa.getModulus().bitLength())) {
                    return Optional.empty();
                }
                // AWS: the MD5 of the DER SubjectPublicKeyInfo for imported RSA keys.
                byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
                String md5 = HexFormat.ofDelimiter(":").formatHex(KeyMaterial.digest("MD5", spki));
                return Optional.of(new Imported(KeyMaterial.RSA, "ssh-rsa " + Base64.getEncoder().encodeToString(blob), md5));
            }
            if (key instanceof Ed25519PublicKeyParameters) {
                return Optional.of(new Imported(KeyMaterial.ED25519,
                        "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob), Fingerprints.sha256(blob)));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static AsymmetricKeyParameter readKey(String text) throws IOException {
        Matcher line = OPENSSH_LINE.matcher(text);
        if (line.matches()) {
            AsymmetricKeyParameter key = OpenSSHPublicKeyUtil.parsePublicKey(Base64.getDecoder().decode(line.group(2)));
            boolean typeAgrees = line.group(1).equals("ssh-rsa") == (key instanceof RSAKeyParameters);
            return typeAgrees ? key : null;
        }
        if (text.startsWith("---- BEGIN SSH2 PUBLIC KEY ----")) {
            return OpenSSHPublicKeyUtil.parsePublicKey(Base64.getDecoder().decode(rfc4716Body(text)));
        }
        if (text.matches("[A-Za-z0-9+/=\\s]+")) {
            return PublicKeyFactory.createKey(Base64.getMimeDecoder().decode(text));
        }
        return null;
    }

    /** The base64 lines of an RFC 4716 block, without headers ({@code Comment: …}, continued with {@code \}). */
    private static String rfc4716Body(String text) {
        StringBuilder body = new StringBuilder();
        boolean continued = false;
        for (String raw : text.split("\\R")) {
            String l = raw.trim();
            if (l.startsWith("----")) {
                continue;
            }
            boolean header = continued || l.contains(":");
            continued = header && l.endsWith("\\");
            if (!header) {
                body.append(l);
            }
        }
        return body.toString();
    }
}
