package io.cloudjar.core.auth;

import java.util.List;
import io.cloudjar.core.model.ModelClasses;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The resources a call acts on, for the authorizer. S3 names them in every request (bucket, key); other
 * APIs are authorized against {@code *} until their services contribute finer resource ARNs.
 */
public final class ResourceArns {
    private ResourceArns() {
    }

    public static List<String> of(String api, Object input) {
        if ("s3".equals(api) && input instanceof SdkPojo pojo) {
            String bucket = member(pojo, "Bucket");
            String key = member(pojo, "Key");
            if (bucket != null) {
                return List.of(key == null ? "arn:aws:s3:::" + bucket : "arn:aws:s3:::" + bucket + "/" + key);
            }
        }
        return List.of("*");
    }

    private static String member(SdkPojo pojo, String name) {
        return ModelClasses.member(pojo, name) instanceof String s ? s : null;
    }
}
