package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.util.Ids;
import io.cloudjar.ec2.keys.KeyMaterial;
import io.cloudjar.ec2.keys.KeyPairMaterial;
import io.cloudjar.ec2.keys.PublicKeys;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.api.Tags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

/** CreateKeyPair, ImportKeyPair, DescribeKeyPairs and DeleteKeyPair, with real key material. */
public final class KeyPairsProvider extends ComputeProvider {
    private static final int MAX_NAME_LENGTH = 255;
    private static final Filters<KeyPairRecord> FILTERS = new Filters<KeyPairRecord>()
            .onValue("key-pair-id", KeyPairRecord::keyPairId)
            .onValue("key-name", KeyPairRecord::keyName)
            .onValue("fingerprint", KeyPairRecord::fingerprint)
            .onValue("key-type", KeyPairRecord::keyType)
            .withTags(KeyPairRecord::tags);

    public CreateKeyPairResponse createKeyPair(CallContext ctx, CreateKeyPairRequest request) {
        String name = checkName(request.keyName());
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "key-pair");
        String keyType = request.keyTypeAsString() == null ? KeyMaterial.RSA : request.keyTypeAsString();
        String format = request.keyFormatAsString() == null ? "pem" : request.keyFormatAsString();
        ComputeState state = state(ctx);
        if (state.keyPair(name).isPresent()) { // fail before spending time on an RSA key
            throw Ec2Errors.of("InvalidKeyPair.Duplicate", name);
        }
        KeyPairMaterial material = KeyMaterial.create(keyType, format, name);
        KeyPairRecord key = new KeyPairRecord(Ids.ec2("key"), name, keyType, material.fingerprint(),
                material.publicKey(), ctx.receivedAt(), tags);
        state.addKeyPair(key);
        return CreateKeyPairResponse.builder()
                .keyPairId(key.keyPairId())
                .keyName(key.keyName())
                .keyFingerprint(key.fingerprint())
                .keyMaterial(material.privateKey())
                .tags(tags.isEmpty() ? null : Tags.toSdk(tags))
                .build();
    }

    public ImportKeyPairResponse importKeyPair(CallContext ctx, ImportKeyPairRequest request) {
        String name = checkName(request.keyName());
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "key-pair");
        if (request.publicKeyMaterial() == null) {
            throw Ec2Errors.of("MissingParameter", "PublicKeyMaterial");
        }
        PublicKeys.Imported imported = PublicKeys.parse(request.publicKeyMaterial().asByteArray())
                .orElseThrow(() -> Ec2Errors.of("InvalidKey.Format"));
        KeyPairRecord key = new KeyPairRecord(Ids.ec2("key"), name, imported.keyType(), imported.fingerprint(),
                imported.publicKey(), ctx.receivedAt(), tags);
        state(ctx).addKeyPair(key);
        return ImportKeyPairResponse.builder()
                .keyPairId(key.keyPairId())
                .keyName(key.keyName())
                .keyFingerprint(key.fingerprint())
                .tags(tags.isEmpty() ? null : Tags.toSdk(tags))
                .build();
    }

    public DescribeKeyPairsResponse describeKeyPairs(CallContext ctx, DescribeKeyPairsRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        FILTERS.validate(filters);
        ComputeState state = state(ctx);
        List<KeyPairRecord> selected = new ArrayList<>(state.keyPairs());
        for (String name : request.keyNames()) {
            if (state.keyPair(name).isEmpty()) {
                throw Ec2Errors.of("InvalidKeyPair.NotFound", name);
            }
        }
        for (String id : request.keyPairIds()) {
            if (state.keyPairById(id).isEmpty()) {
                throw Ec2Errors.of("InvalidKeyPair.NotFound", id);
            }
        }
        boolean withPublicKey = Boolean.TRUE.equals(request.includePublicKey());
        List<KeyPairInfo> keys = selected.stream()
                .filter(k -> request.keyNames().isEmpty() || request.keyNames().contains(k.keyName()))
                .filter(k -> request.keyPairIds().isEmpty() || request.keyPairIds().contains(k.keyPairId()))
                .filter(k -> FILTERS.matches(k, filters))
                .map(k -> KeyPairInfo.builder()
                        .keyPairId(k.keyPairId())
                        .keyName(k.keyName())
                        .keyFingerprint(k.fingerprint())
                        .keyType(k.keyType())
                        .createTime(k.createTime())
                        .publicKey(withPublicKey ? k.publicKey() : null)
                        .tags(k.tags().isEmpty() ? null : Tags.toSdk(k.tags()))
                        .build())
                .toList();
        return DescribeKeyPairsResponse.builder().keyPairs(keys).build();
    }

    /** Deleting an unknown name succeeds, as on AWS; an unknown id is reported. */
    public DeleteKeyPairResponse deleteKeyPair(CallContext ctx, DeleteKeyPairRequest request) {
        ComputeState state = state(ctx);
        String name = request.keyName();
        if (name == null) {
            if (request.keyPairId() == null) {
                throw Ec2Errors.of("MissingParameter", "KeyName or KeyPairId");
            }
            name = state.keyPairById(request.keyPairId()).map(KeyPairRecord::keyName)
                    .orElseThrow(() -> Ec2Errors.of("InvalidKeyPair.NotFound", request.keyPairId()));
        }
        String deletedId = state.removeKeyPair(name).map(KeyPairRecord::keyPairId).orElse(null);
        return DeleteKeyPairResponse.builder().returnValue(true).keyPairId(deletedId).build();
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.of("MissingParameter", "KeyName");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw Ec2Errors.of("InvalidParameterValue#keyNameAscii", name);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Ec2Errors.of("InvalidParameterValue#keyNameLength", name);
        }
        return name;
    }
}
