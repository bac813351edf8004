package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.ec2.keys.KeyMaterial;
import io.cloudjar.ec2.keys.KeyPairMaterial;
import io.cloudjar.ec2.keys.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.lightsail.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteKeyPairResponse;
import software.amazon.awssdk.services.lightsail.model.DownloadDefaultKeyPairRequest;
import software.amazon.awssdk.services.lightsail.model.DownloadDefaultKeyPairResponse;
import software.amazon.awssdk.services.lightsail.model.GetKeyPairRequest;
import software.amazon.awssdk.services.lightsail.model.GetKeyPairResponse;
import software.amazon.awssdk.services.lightsail.model.GetKeyPairsRequest;
import software.amazon.awssdk.services.lightsail.model.GetKeyPairsResponse;
import software.amazon.awssdk.services.lightsail.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.lightsail.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.lightsail.model.KeyPair;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * SSH key pairs: created (RSA 2048, the private key answered once as PEM), imported from an OpenSSH public key,
 * and the region's default key pair, made on first use, whose private key DownloadDefaultKeyPair answers again.
 */
public final class KeyPairsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateKeyPairResponse createKeyPair(CallContext ctx, CreateKeyPairRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        String name = request.keyPairName();
        KeyPairMaterial material = KeyMaterial.create(KeyMaterial.RSA, "pem", name);
        synchronized (state.lock) {
            refuseTaken(state, name);
            KeyPairRecord pair = new KeyPairRecord(ResourceMeta.create(scope, ResourceType.KEY_PAIR,
                    name, "all", name, tags), material.fingerprint(), material.publicKey(), null, false);
            state.keyPairs.put(pair);
            return CreateKeyPairResponse.builder()
                    .keyPair(pair.toSdk())
                    .publicKeyBase64(material.publicKey())
                    .privateKeyBase64(material.privateKey())
                    .operation(state.operations.record(scope, pair.meta(), "CreateKeyPair", null))
                    .build();
        }
    }

    public ImportKeyPairResponse importKeyPair(CallContext ctx, ImportKeyPairRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        String name = request.keyPairName();
        PublicKeys.Imported key = PublicKeys.parse(request.publicKeyBase64().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> LightsailErrors.invalidInput("The public key is not valid: it must be an OpenSSH"
                        + " public key (ssh-rsa or ssh-ed25519)."));
        synchronized (state.lock) {
            refuseTaken(state, name);
            KeyPairRecord pair = new KeyPairRecord(ResourceMeta.create(scope, ResourceType.KEY_PAIR,
                    name, "all", name, Map.of()), key.fingerprint(), key.publicKey(), null, false);
            state.keyPairs.put(pair);
            return ImportKeyPairResponse.builder()
                    .operation(state.operations.record(scope, pair.meta(), "ImportKeyPair", null)).build();
        }
    }

    public GetKeyPairResponse getKeyPair(CallContext ctx, GetKeyPairRequest request) {
        return GetKeyPairResponse.builder().keyPair(state(ctx).keyPairs.get(request.keyPairName()).toSdk()).build();
    }

    public GetKeyPairsResponse getKeyPairs(CallContext ctx, GetKeyPairsRequest request) {
        boolean withDefault = Boolean.TRUE.equals(request.includeDefaultKeyPair());
        List<KeyPair> pairs = state(ctx).keyPairs.list().stream()
                .filter(p -> withDefault || !p.isDefault()).map(KeyPairRecord::toSdk).toList();
        Pages<KeyPair> page = Pages.of(pairs, request.pageToken(), PAGE_SIZE);
        return GetKeyPairsResponse.builder().keyPairs(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public DeleteKeyPairResponse deleteKeyPair(CallContext ctx, DeleteKeyPairRequest request) {
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            KeyPairRecord pair = state.keyPairs.get(request.keyPairName());
            if (request.expectedFingerprint() != null && !request.expectedFingerprint().equals(pair.fingerprint())) {
                throw LightsailErrors.invalidInput("The expected fingerprint %s does not match the fingerprint of key"
                        + " pair %s.", request.expectedFingerprint(), pair.name());
            }
            state.keyPairs.remove(pair.name());
            return DeleteKeyPairResponse.builder()
                    .operation(state.operations.record(LightsailScope.of(ctx), pair.meta(), "DeleteKeyPair", null)).build();
        }
    }

    public DownloadDefaultKeyPairResponse downloadDefaultKeyPair(CallContext ctx, DownloadDefaultKeyPairRequest request) {
        KeyPairRecord pair = DefaultKeyPair.get(state(ctx), LightsailScope.of(ctx));
        return DownloadDefaultKeyPairResponse.builder()
                .publicKeyBase64(pair.publicKey())
                .privateKeyBase64(pair.privateKey())
                .createdAt(pair.meta().createdAt())
                .build();
    }

    private static void refuseTaken(LightsailState state, String name) {
        if (state.nameTaken(name)) {
            throw LightsailErrors.namesInUse(List.of(name));
        }
    }
}
