package io.cloudjar.ec2.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * A server's host keys, as a new instance makes them at first boot: a Linux server's SSH keys (RSA 2048, ECDSA P-256,
 * ED25519) or a Windows server's self-signed Remote Desktop certificate. Only the public halves are kept: nothing here
 * serves SSH or RDP, but clients (and Lightsail's browser client) check these keys and their fingerprints.
 */
public final class HostKeys {
    /** The key type of an RDP certificate, as Lightsail names it. */
    public static final String X509 = "x509-cert";

    private static final int RSA_BITS = 2048; // Amazon Linux 2's size; 3072 (newer ssh-keygen) costs a test run seconds
    /** Windows renews its self-signed Remote Desktop certificate every six months. */
    private static final Duration RDP_VALIDITY = Duration.ofDays(182);
    private static final SecureRandom RANDOM = new SecureRandom();

    private HostKeys() {
    }

    /**
     * One host key.
     *
     * @param algorithm      the SSH key type ({@code ssh-rsa}, {@code ecdsa-sha2-nistp256}, {@code ssh-ed25519}) or
     *                       {@link #X509}
     * @param publicKey      base64 of the SSH public key blob (the second field of a {@code known_hosts} line) or of
     *                       the certificate's DER encoding
     * @param notValidBefore a certificate's validity; null for SSH keys
     */
    public record HostKey(String algorithm, String publicKey, Instant notValidBefore, Instant notValidAfter) {
        /** SSH: OpenSSH's {@code SHA1:} and unpadded base64; a certificate: colon-separated hex, as Lightsail shows them. */
        public String fingerprintSha1() {
            return fingerprint("SHA-1", "SHA1:");
        }

        /** SSH: {@code SHA256:} and unpadded base64, as {@code ssh-keygen -l} prints it; a certificate: colon-separated hex. */
        public String fingerprintSha256() {
            return fingerprint("SHA-256", "SHA256:");
        }

        private String fingerprint(String digest, String sshPrefix) {
            byte[] hash = KeyMaterial.digest(digest, Base64.getDecoder().decode(publicKey));
            return X509.equals(algorithm) ? HexFormat.ofDelimiter(":").formatHex(hash)
                    : sshPrefix + Base64.getEncoder().withoutPadding().encodeToString(hash);
        }
    }

    /** A Linux server's fresh set: RSA, ECDSA and ED25519, in the order Lightsail lists them. */
    public static List<HostKey> ssh() {
        return List.of(sshKey("ssh-rsa", "RSA", null), sshKey("ecdsa-sha2-nistp256", "EC", "secp256r1"),
                sshKey("ssh-ed25519", "Ed25519", null));
    }

    /**
     * A Windows server's Remote Desktop certificate: self-signed RSA 2048 with SHA-256, issued to the computer name,
     * valid six months from {@code from}.
     */
    public static HostKey rdpCertificate(String computerName, Instant from) {
        try {
            KeyPair pair = generator("RSA", null).generateKeyPair();
            Instant notBefore = from.truncatedTo(ChronoUnit.SECONDS);
            Instant notAfter = notBefore.plus(RDP_VALIDITY);
            AlgorithmIdentifier signatureAlgorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption,
                    DERNull.INSTANCE);
            X500Name name = new X500Name("CN=" + computerName);
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, RANDOM)));
            tbs.setSignature(signatureAlgorithm);
            tbs.setIssuer(name);
            tbs.setSubject(name);
            tbs.setStartDate(new Time(Date.from(notBefore)));
            tbs.setEndDate(new Time(Date.from(notAfter)));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
            TBSCertificate certificate = tbs.generateTBSCertificate();
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(certificate.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector signed = new ASN1EncodableVector();
            signed.add(certificate);
            signed.add(signatureAlgorithm);
            signed.add(new DERBitString(signer.sign()));
            byte[] der = new DERSequence(signed).getEncoded(ASN1Encoding.DER);
            return new HostKey(X509, Base64.getEncoder().encodeToString(der), notBefore, notAfter);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create a Remote Desktop certificate", e);
        }
    }

    private static HostKey sshKey(String algorithm, String jdkAlgorithm, String curve) {
        try {
            byte[] spki = generator(jdkAlgorithm, curve).generateKeyPair().getPublic().getEncoded();
            byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(PublicKeyFactory.createKey(spki));
            return new HostKey(algorithm, Base64.getEncoder().encodeToString(blob), null, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create an " + algorithm + " host key", e);
        }
    }

    private static KeyPairGenerator generator(String jdkAlgorithm, String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(jdkAlgorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else if (jdkAlgorithm.equals("RSA")) {
            generator.initialize(RSA_BITS);
        }
        return generator;
    }
}
