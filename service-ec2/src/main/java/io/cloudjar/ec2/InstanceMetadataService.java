package io.cloudjar.ec2;

import io.cloudjar.core.spi.InternalResource;
import io.cloudjar.core.spi.PlainRequest;
import io.cloudjar.core.spi.PlainResponse;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The instance metadata service (IMDS) of every instance, over plain HTTP at
 * {@code /_cloudjar/ec2/<instance-id>/latest/...} on Cloudjar's port: point an SDK's IMDS endpoint at
 * {@code http://localhost:4566/_cloudjar/ec2/<instance-id>} and it reads the instance's metadata and role
 * credentials as it would at {@code 169.254.169.254}.
 *
 * <p>As EC2 does: {@code PUT /latest/api/token} with {@code X-aws-ec2-metadata-token-ttl-seconds} (1–21600)
 * issues an IMDSv2 session token (400 for a missing or bad TTL; 403 for a PUT elsewhere or one carrying
 * {@code X-Forwarded-For}); a GET with {@code X-aws-ec2-metadata-token} needs a valid, unexpired token of this
 * instance (else 401); a GET without one is IMDSv1, refused with 401 when the instance's {@code HttpTokens} is
 * {@code required}; with {@code HttpEndpoint} {@code disabled} every request gets 403, EC2's answer when the
 * service is turned off. Only an instance whose guest runs answers ({@code running}, and while it is
 * {@code stopping} or {@code shutting-down}); an unknown, pending, stopped or terminated one is 404 (on EC2
 * nothing would answer at all). {@code HttpPutResponseHopLimit} cannot be enforced over a loopback connection
 * and is ignored; {@code HttpProtocolIpv6} does not apply here.
 */
public final class InstanceMetadataService extends ComputeProvider implements InternalResource {
    static final String PREFIX = "/_cloudjar/ec2/";
    static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final Set<String> ANSWERING = Set.of("running", "stopping", "shutting-down");
    /** {@code latest} and the dated versions IMDS also answers under; all show the same, current, metadata. */
    private static final Pattern VERSION = Pattern.compile("latest|1\\.0|\\d{4}-\\d{2}-\\d{2}");

    private final ImdsTokens tokens = new ImdsTokens();

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public PlainResponse handle(PlainRequest request) {
        String sub = request.subPath();
        int slash = sub.indexOf('/');
        String instanceId = slash < 0 ? sub : sub.substring(0, slash);
        String path = slash < 0 ? "/" : sub.substring(slash);
        Instant now = store.now();
        Optional<Found> found = find(instanceId, now);
        if (found.isEmpty()) {
            return ImdsAnswers.error(404);
        }
        InstanceSettings.MetadataOptions options = found.get().instance().settings().metadata();
        if (!options.enabled()) {
            return ImdsAnswers.error(403);
        }
        return switch (request.method()) {
            case "PUT" -> token(request, instanceId, path, now);
            case "GET", "HEAD" -> read(request, found.get(), options, path, now);
            default -> ImdsAnswers.error(405);
        };
    }

    private PlainResponse token(PlainRequest request, String instanceId, String path, Instant now) {
        if (!path.equals("/latest/api/token") || request.header("X-Forwarded-For") != null) {
            return ImdsAnswers.error(403);
        }
        int ttl;
        try {
            ttl = Integer.parseInt(String.valueOf(request.header(TTL_HEADER)).trim());
        } catch (NumberFormatException e) {
            return ImdsAnswers.error(400);
        }
        if (ttl < 1 || ttl > ImdsTokens.MAX_TTL_SECONDS) {
            return ImdsAnswers.error(400);
        }
        return ImdsAnswers.text(tokens.issue(instanceId, now.plusSeconds(ttl))).withHeader(TTL_HEADER, Integer.toString(ttl));
    }

    private PlainResponse read(PlainRequest request, Found found, InstanceSettings.MetadataOptions options, String path,
                               Instant now) {
        String token = request.header(TOKEN_HEADER);
        OptionalLong remaining = OptionalLong.empty();
        if (token != null) {
            remaining = tokens.remainingSeconds(token, found.instance().instanceId(), now);
            if (remaining.isEmpty()) {
                return ImdsAnswers.error(401);
            }
        } else if (options.httpTokens().equals("required")) {
            return ImdsAnswers.error(401);
        }
        PlainResponse answer = resolve(found, path, now).orElseGet(() -> ImdsAnswers.error(404));
        return remaining.isPresent() ? answer.withHeader(TTL_HEADER, Long.toString(remaining.getAsLong())) : answer;
    }

    private Optional<PlainResponse> resolve(Found found, String path, Instant now) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            return Optional.of(ImdsAnswers.text("latest"));
        }
        if (!VERSION.matcher(segments.get(0)).matches()) {
            return Optional.empty();
        }
        return InstanceMetadata.latest(store, found.scope(), found.instance(), now).answer(segments.subList(1, segments.size()));
    }

    /** The instance by id alone, if its guest is up; an instance pruned after termination leaves the index. */
    private Optional<Found> find(String instanceId, Instant now) {
        Optional<Scope> scope = store.scopeOf(instanceId);
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        Optional<InstanceRecord> instance = store.get(scope.get().accountId(), scope.get().region()).instance(instanceId, now);
        if (instance.isEmpty()) {
            store.forgetInstance(instanceId);
        }
        return instance.filter(i -> ANSWERING.contains(i.phase().name(now))).map(i -> new Found(scope.get(), i));
    }

    private record Found(Scope scope, InstanceRecord instance) {
    }
}
