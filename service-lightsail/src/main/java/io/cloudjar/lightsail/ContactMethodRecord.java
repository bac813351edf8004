package io.cloudjar.lightsail;

import software.amazon.awssdk.services.lightsail.model.ContactMethod;
import software.amazon.awssdk.services.lightsail.model.ContactMethodStatus;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;

/**
 * A way Lightsail notifies the account (one email address and one phone number per region). A phone number is Valid
 * at once (SMS contact methods need no verification); an email address is PendingVerification until the link of its
 * latest verification message is followed ({@code verificationToken}: see {@link LightsailEndpoints}).
 */
record ContactMethodRecord(ResourceMeta meta, ContactProtocol protocol, String endpoint, ContactMethodStatus status,
                           String verificationToken)
        implements LightsailResource<ContactMethodRecord> {

    @Override
    public ContactMethodRecord withMeta(ResourceMeta newMeta) {
        return new ContactMethodRecord(newMeta, protocol, endpoint, status, verificationToken);
    }

    ContactMethodRecord withVerificationToken(String token) {
        return new ContactMethodRecord(meta, protocol, endpoint, status, token);
    }

    ContactMethodRecord verified() {
        return new ContactMethodRecord(meta, protocol, endpoint, ContactMethodStatus.VALID, null);
    }

    ContactMethod toSdk() {
        return ContactMethod.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type())
                .protocol(protocol).contactEndpoint(endpoint).status(status)
                .build();
    }
}
