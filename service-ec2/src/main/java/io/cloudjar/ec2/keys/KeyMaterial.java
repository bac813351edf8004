package io.cloudjar.ec2.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Creates key pairs as {@code CreateKeyPair} returns them: RSA 2048 as a PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"),
 * ED25519 as an OpenSSH private key, either one as a PuTTY {@code .ppk} on request. Keys come from the JDK;
 * BouncyCastle converts them to the OpenSSH and ASN.1 encodings.
 */
public final class KeyMaterial {
    public static final String RSA = "rsa";
    public static final String ED25519 = "ed25519";

    private static final int RSA_BITS = 2048;
    private static final int PEM_LINE = 64;
    private static final int OPENSSH_LINE = 70;

    private KeyMaterial() {
    }

    /**
     * @param keyType {@link #RSA} or {@link #ED25519}
     * @param format  {@code pem} or {@code ppk}
     * @param comment the key name, written into the public key line and the {@code .ppk} file
     */
    public static KeyPairMaterial create(String keyType, String format, String comment) {
        try {
            boolean rsa = RSA.equals(keyType);
            KeyPairGenerator generator = KeyPairGenerator.getInstance(rsa ? "RSA" : "Ed25519");
            if (rsa) {
                generator.initialize(RSA_BITS);
            }
            KeyPair pair = generator.generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            AsymmetricKeyParameter privateKey = PrivateKeyFactory.createKey(pkcs8);
            byte[] publicBlob = OpenSSHPublicKeyUtil.encodePublicKey(publicPart(privateKey));
            String publicLine = Fingerprints.sshAlgorithm(keyType) + " " + Base64.getEncoder().encodeToString(publicBlob) + " " + comment;
            String privateText = "ppk".equals(format) ? ppk(privateKey, publicBlob, comment) : pem(privateKey, pkcs8);
            // AWS: SHA-1 of the PKCS#8 DER for RSA keys it creates; SHA-256 of the public key blob for ED25519.
            String fingerprint = rsa ? HexFormat.ofDelimiter(":").formatHex(digest("SHA-1", pkcs8))
                    : Fingerprints.sha256(publicBlob);
            return new KeyPairMaterial(keyType, privateText, publicLine, fingerprint);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create a " + keyType + " key pair", e);
        }
    }

    private static String pem(AsymmetricKeyParameter key, byte[] pkcs8) throws IOException {
        if (key instanceof RSAPrivateCrtKeyParameters) {
            byte[] pkcs1 = PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey().toASN1Primitive().getEncoded();
            return Pem.armour("RSA PRIVATE KEY", pkcs1, PEM_LINE);
        }
        return Pem.armour("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(key), OPENSSH_LINE);
    }

    private static String ppk(AsymmetricKeyParameter key, byte[] publicBlob, String comment) {
        return key instanceof RSAPrivateCrtKeyParameters rsa ? PuttyKeyFile.rsa(rsa, publicBlob, comment)
                : PuttyKeyFile.ed25519((Ed25519PrivateKeyParameters) key, publicBlob, comment);
    }

    private static AsymmetricKeyParameter publicPart(AsymmetricKeyParameter key) {
        if (key instanceof RSAPrivateCrtKeyParameters rsa) {
            return new org.bouncycastle.crypto.params.RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        return ((Ed25519PrivateKeyParameters) key).generatePublicKey();
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
