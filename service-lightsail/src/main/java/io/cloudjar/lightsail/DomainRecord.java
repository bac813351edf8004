package io.cloudjar.lightsail;

import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Domain;
import software.amazon.awssdk.services.lightsail.model.DomainEntry;

/**
 * A Lightsail DNS zone (regional, kept in us-east-1 as AWS keeps them) with its records, the NS and SOA records
 * Lightsail made for it first.
 *
 * @param entries in the order made; each has its id
 */
record DomainRecord(ResourceMeta meta, List<DomainEntry> entries) implements LightsailResource<DomainRecord> {

    DomainRecord {
        entries = List.copyOf(entries);
    }

    @Override
    public DomainRecord withMeta(ResourceMeta newMeta) {
        return new DomainRecord(newMeta, entries);
    }

    DomainRecord withEntries(List<DomainEntry> newEntries) {
        return new DomainRecord(meta, newEntries);
    }

    Domain toSdk() {
        return Domain.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .domainEntries(entries)
                .build();
    }
}
