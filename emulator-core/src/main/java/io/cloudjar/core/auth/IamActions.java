package io.cloudjar.core.auth;

import io.cloudjar.core.model.OperationModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The IAM action an operation is authorized as: {@code <signing name>:<Operation>}, except where AWS
 * names the action differently (S3's ListObjectsV2 is {@code s3:ListBucket}); those are data in
 * {@code cloudjar/iam-actions.properties}.
 */
public final class IamActions {
    private static final Properties OVERRIDES = load();

    private IamActions() {
    }

    public static String of(OperationModel op) {
        String api = op.api().metadata().api();
        String override = OVERRIDES.getProperty(api + "." + op.name());
        return override != null ? override : op.api().metadata().signingName() + ":" + op.name();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = IamActions.class.getResourceAsStream("/cloudjar/iam-actions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
