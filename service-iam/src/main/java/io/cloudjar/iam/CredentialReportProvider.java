package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.state.AccessKey;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.LoginProfile;
import io.cloudjar.iam.state.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The credential report: a CSV with AWS's columns, the root account's row first, then one row per user.
 * A report is generated at once; like AWS, the first GenerateCredentialReport answers STARTED and later
 * ones COMPLETE until the report is four hours old and a new one is made.
 */
public final class CredentialReportProvider extends IamFeature {
    static final Duration MAX_AGE = Duration.ofHours(4);
    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    public GenerateCredentialReportResponse generateCredentialReport(CallContext ctx, GenerateCredentialReportRequest r) {
        return inAccount(ctx, account -> {
            IamAccount.CredentialReport existing = account.credentialReport;
            if (existing != null && existing.generated().plus(MAX_AGE).isAfter(ctx.receivedAt())) {
                return GenerateCredentialReportResponse.builder().state(ReportStateType.COMPLETE).build();
            }
            account.credentialReport = new IamAccount.CredentialReport(csv(account, ctx.receivedAt()), ctx.receivedAt());
            return GenerateCredentialReportResponse.builder().state(ReportStateType.STARTED)
                    .description("No report exists. Starting a new report generation task").build();
        });
    }

    public GetCredentialReportResponse getCredentialReport(CallContext ctx, GetCredentialReportRequest r) {
        return inAccount(ctx, account -> {
            IamAccount.CredentialReport report = account.credentialReport;
            if (report == null) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("ReportNotPresent", "Unknown");
            }
            if (!report.generated().plus(MAX_AGE).isAfter(ctx.receivedAt())) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("ReportExpired",
                        "The request was rejected because the most recent credential report has expired.");
            }
            return GetCredentialReportResponse.builder().content(SdkBytes.fromByteArray(report.csv()))
                    .reportFormat(ReportFormatType.TEXT_CSV).generatedTime(report.generated()).build();
        });
    }

    static byte[] csv(IamAccount account, Instant now) {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(String.join(",", "<root_account>", "arn:aws:iam::" + account.id + ":root", time(account.created),
                "not_supported", "no_information", "not_supported", "not_supported", "false",
                "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A"));
        account.users().stream().sorted(Comparator.comparing(u -> u.name.toLowerCase(Locale.ROOT)))
                .forEach(user -> rows.add(row(account, user)));
        return (String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
    }

    private static String row(IamAccount account, User user) {
        LoginProfile login = user.loginProfile;
        List<String> cells = new ArrayList<>(List.of(user.name, user.arn(), time(user.created),
                Boolean.toString(login != null),
                login == null ? "N/A" : user.passwordLastUsed == null ? "no_information" : time(user.passwordLastUsed),
                login == null ? "N/A" : time(login.passwordChanged),
                login == null || account.passwordPolicy == null || account.passwordPolicy.maxAge() == null ? "N/A"
                        : time(login.passwordChanged.plus(account.passwordPolicy.maxAge(), ChronoUnit.DAYS)),
                Boolean.toString(!user.mfaDevices.isEmpty())));
        for (int i = 0; i < 2; i++) {
            AccessKey key = i < user.accessKeys.size() ? user.accessKeys.get(i) : null;
            AccessKey.LastUse use = key == null ? null : key.lastUse;
            cells.add(Boolean.toString(key != null && key.active));
            cells.add(key == null ? "N/A" : time(key.created));
            cells.add(use == null ? "N/A" : time(use.at()));
            cells.add(use == null ? "N/A" : use.region());
            cells.add(use == null ? "N/A" : use.service());
        }
        cells.addAll(List.of("false", "N/A", "false", "N/A"));
        return String.join(",", cells);
    }

    private static String time(Instant at) {
        return TIME.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
