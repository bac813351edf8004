package io.cloudjar.app.authz;

import io.cloudjar.core.model.ModelClasses;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/** Request objects with every member set (texts are {@code sample-<Member>}, ARNs where the member holds one), for rendering every rule once. */
final class SampleInputs {
    private SampleInputs() {
    }

    static SdkPojo filled(SdkPojo builder) {
        fill(builder, 0);
        return ModelClasses.build(builder);
    }

    private static void fill(SdkPojo builder, int depth) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = sample(field, depth);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private static Object sample(SdkField<?> field, int depth) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            String name = field.memberName() == null ? "item" : field.memberName(); // a list's item has no name
            if (name.equals("CopySource")) { // S3's x-amz-copy-source, read by a resolver
                return "source-bucket/source/key?versionId=v1";
            }
            // members that hold ARNs (an MFA device's serial number is its ARN) are used as resources as they are
            return name.endsWith("Arn") || name.equals("SerialNumber") ? "arn:aws:iam::123456789012:sample/" + name : "sample-" + name;
        } else if (type == MarshallingType.INTEGER) {
            return 1;
        } else if (type == MarshallingType.LONG) {
            return 1L;
        } else if (type == MarshallingType.BOOLEAN) {
            return true;
        } else if (type == MarshallingType.INSTANT) {
            return Instant.EPOCH;
        } else if (type == MarshallingType.LIST && depth < 4) {
            SdkField<?> item = field.getTrait(ListTrait.class).memberFieldInfo();
            Object one = sample(item, depth + 1);
            return one == null ? null : List.of(one);
        } else if (type == MarshallingType.SDK_POJO && depth < 4) {
            SdkPojo nested = field.constructor().get();
            fill(nested, depth + 1);
            return ModelClasses.build(nested);
        }
        return null;
    }
}
