package io.cloudjar.lightsail;

import software.amazon.awssdk.services.lightsail.model.ContactMethod;
import software.amazon.awssdk.services.lightsail.model.ContactMethodStatus;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;

/**
 * A way Lightsail notifies the account (one email address and one phone number per region). It stays
 * PendingVerification: verification happens by a link AWS mails or texts, which no emulated call can follow.
 */
record ContactMethodRecord(ResourceMeta meta, ContactProtocol protocol, String endpoint, ContactMethodStatus status)
        implements LightsailResource<ContactMethodRecord> {

    @Override
    public ContactMethodRecord withMeta(ResourceMeta newMeta) {
        return new ContactMethodRecord(newMeta, protocol, endpoint, status);
    }

    ContactMethod toSdk() {
        return ContactMethod.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type())
                .protocol(protocol).contactEndpoint(endpoint).status(status)
                .build();
    }
}
