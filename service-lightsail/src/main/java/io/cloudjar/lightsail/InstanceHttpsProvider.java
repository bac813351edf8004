package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lightsail.model.CertificateProvider;
import software.amazon.awssdk.services.lightsail.model.DomainEntry;
import software.amazon.awssdk.services.lightsail.model.GetSetupHistoryRequest;
import software.amazon.awssdk.services.lightsail.model.GetSetupHistoryResponse;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.SetupHistory;
import software.amazon.awssdk.services.lightsail.model.SetupInstanceHttpsRequest;
import software.amazon.awssdk.services.lightsail.model.SetupInstanceHttpsResponse;

/**
 * SetupInstanceHttps: Lightsail runs certbot on a running instance to get a Let's Encrypt certificate for up to ten
 * names. Let's Encrypt's HTTP-01 challenge needs each name to resolve to the instance and port 80 open to the
 * internet, so the run (inProgress for a snapshot-long transition, see GetSetupHistory) fails, with certbot's message,
 * when a name has no A record to the instance's public IPv4 in the account's Lightsail DNS zones or when port 80 is
 * closed; no certificate is made and no web server is touched. GetSetupHistory answers the five latest runs.
 */
public final class InstanceHttpsProvider extends LightsailProvider {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String ZONES_REGION = "us-east-1";
    private static final int KEPT = 5;

    public SetupInstanceHttpsResponse setupInstanceHttps(CallContext ctx, SetupInstanceHttpsRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (request.certificateProvider() != CertificateProvider.LETS_ENCRYPT) {
            throw LightsailErrors.invalidInput("The certificate provider %s is not valid: LetsEncrypt.", request.certificateProviderAsString());
        }
        if (request.emailAddress() == null || !EMAIL.matcher(request.emailAddress()).matches()) {
            throw LightsailErrors.invalidInput("The email address %s is not valid.", request.emailAddress());
        }
        List<String> names = request.hasDomainNames() ? request.domainNames().stream().map(DnsNames::normalize).distinct().toList()
                : List.of();
        if (names.isEmpty() || names.size() > 10 || names.stream().anyMatch(n -> !DnsNames.isHostName(n, 2, false))) {
            throw LightsailErrors.invalidInput("The domain names %s are not valid: one to ten names, no wildcards.", names);
        }
        if (names.stream().allMatch(n -> n.length() > 63)) {
            throw LightsailErrors.invalidInput("At least one domain name must be 63 characters or fewer.");
        }
        LightsailState zones = store.get(scope.account(), ZONES_REGION);
        synchronized (state.lock) {
            InstanceRecord instance = state.instances.get(request.instanceName());
            if (!InstanceRecord.RUNNING.equals(instance.state(scope.now()))) {
                throw LightsailErrors.invalidInput("The instance %s must be running to set up HTTPS: it is %s.", instance.name(),
                        instance.state(scope.now()));
            }
            String address = instance.currentPublicIp(scope.now(), state.staticIpOf(instance));
            List<String> problems = new ArrayList<>();
            for (String name : names) {
                problems.addAll(problem(zones, name, address, portEightyOpen(instance)));
            }
            String command = "certbot certonly --webroot -w /var/www/html --non-interactive --agree-tos -m "
                    + request.emailAddress() + " -d " + String.join(" -d ", names);
            Instant completes = scope.now().plus(store.timings().snapshot());
            Operation op = state.operations.record(scope, instance.meta(), OperationType.SETUP_INSTANCE_HTTPS,
                    String.join(",", names), completes);
            String out = problems.isEmpty() ? "Successfully received certificate.\nCertificate is saved at: /etc/letsencrypt/live/"
                    + names.get(0) + "/fullchain.pem\n" : "";
            String err = problems.isEmpty() ? "" : "Certbot failed to authenticate some domains (authenticator: webroot). "
                    + "The Certificate Authority reported these problems:\n" + String.join("\n", problems) + "\n";
            List<HttpsSetupRecord> runs = new ArrayList<>(state.httpsSetups.getOrDefault(instance.meta().arn(), List.of()));
            runs.add(new HttpsSetupRecord(op.id(), instance.meta(), names, command, scope.now(), completes, problems.isEmpty(), out, err));
            state.httpsSetups.put(instance.meta().arn(), List.copyOf(runs.subList(Math.max(0, runs.size() - KEPT), runs.size())));
            return SetupInstanceHttpsResponse.builder().operations(op).build();
        }
    }

    public GetSetupHistoryResponse getSetupHistory(CallContext ctx, GetSetupHistoryRequest request) {
        LightsailState state = state(ctx);
        InstanceRecord instance = state.instances.get(request.resourceName());
        List<SetupHistory> history = state.httpsSetups.getOrDefault(instance.meta().arn(), List.of()).stream()
                .sorted(Comparator.comparing(HttpsSetupRecord::startedAt).reversed())
                .map(r -> r.toSdk(ctx.receivedAt())).toList();
        Pages<SetupHistory> page = Pages.of(history, request.pageToken(), KEPT);
        return GetSetupHistoryResponse.builder().setupHistory(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    private static boolean portEightyOpen(InstanceRecord instance) {
        return instance.ports().stream().anyMatch(p -> (p.protocol().equals("tcp") || p.protocol().equals("all"))
                && p.fromPort() <= 80 && p.toPort() >= 80 && p.cidrs().contains("0.0.0.0/0"));
    }

    /** What Let's Encrypt would report for {@code name}, as certbot prints it (nothing when the challenge passes). */
    private static List<String> problem(LightsailState zones, String name, String address, boolean portOpen) {
        Optional<String> resolved = resolve(zones, name, 0);
        String detail;
        String type;
        if (resolved.isEmpty()) {
            type = "dns";
            detail = "DNS problem: NXDOMAIN looking up A for " + name + " - check that a DNS record exists for this domain";
        } else if (!resolved.get().equals(address)) {
            type = "unauthorized";
            detail = resolved.get() + ": Invalid response from http://" + name + "/.well-known/acme-challenge/: 404 (the name "
                    + "points to " + resolved.get() + ", not to this instance's " + address + ")";
        } else if (!portOpen) {
            type = "connection";
            detail = address + ": Fetching http://" + name + "/.well-known/acme-challenge/: Timeout during connect (likely "
                    + "firewall problem)";
        } else {
            return List.of();
        }
        return List.of("  Domain: " + name + "\n  Type:   " + type + "\n  Detail: " + detail);
    }

    /** The IPv4 address {@code name} resolves to in the account's Lightsail zones (A records, wildcards, CNAMEs). */
    private static Optional<String> resolve(LightsailState zones, String name, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        List<DomainEntry> entries = zones.domains.list().stream()
                .filter(z -> name.equals(z.name()) || name.endsWith("." + z.name()))
                .flatMap(z -> z.entries().stream()).toList();
        for (String candidate : List.of(name, "*" + name.substring(name.indexOf('.')))) {
            for (DomainEntry e : entries) {
                if (!DnsNames.normalize(e.name()).equals(candidate) || Boolean.TRUE.equals(e.isAlias())) {
                    continue;
                }
                if (e.type().equals("A")) {
                    return Optional.of(e.target());
                }
                if (e.type().equals("CNAME")) {
                    return resolve(zones, DnsNames.normalize(e.target()), depth + 1);
                }
            }
        }
        return Optional.empty();
    }
}
