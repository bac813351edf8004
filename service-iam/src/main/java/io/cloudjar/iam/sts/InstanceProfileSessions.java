package io.cloudjar.iam.sts;

import io.cloudjar.core.spi.InstanceProfiles;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.iam.IdentityPolicies;
import io.cloudjar.iam.policy.Caller;
import io.cloudjar.iam.policy.PolicyEvaluator;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicySet;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.policy.RequestFacts;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamState;
import io.cloudjar.iam.state.InstanceProfile;
import io.cloudjar.iam.state.Role;
import io.cloudjar.iam.state.StsSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM's side of {@link InstanceProfiles}, for service-ec2 (RunInstances and the instance metadata service).
 * An instance's role credentials are an STS session as if {@code ec2.amazonaws.com} had called AssumeRole with
 * the instance id as session name: the role's trust policy must allow that service, and a call signed with them
 * acts as {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/INSTANCE_ID} with the role's tags as principal tags.
 *
 * <p>As on EC2, each instance keeps its credentials for a while and gets new ones well before they expire:
 * they are valid for {@link #VALIDITY} and replaced after {@link #REFRESH_AFTER} (earlier ones stay valid until
 * their own expiry), all on the emulator clock. Changing the profile's role gives new credentials at once.
 */
public final class InstanceProfileSessions implements ServiceProvider, InstanceProfiles {
    static final Duration VALIDITY = Duration.ofHours(6);
    static final Duration REFRESH_AFTER = Duration.ofHours(1);
    static final String EC2_SERVICE = "ec2.amazonaws.com";

    private final Map<Key, StsSession> current = new ConcurrentHashMap<>();
    private IamState state;

    /** Profiles are IAM entities, so this answers whenever IAM runs (STS need not). */
    @Override
    public String api() {
        return "iam";
    }

    @Override
    public void init(ServiceContext context) {
        this.state = IamState.of(context);
        context.stores().register("iam", current::clear);
    }

    @Override
    public Optional<Profile> find(String accountId, String nameOrArn) {
        IamAccount account = nameOrArn == null ? null : state.knownAccount(accountId);
        if (account == null) {
            return Optional.empty();
        }
        return account.locked(a -> profile(a, nameOrArn)
                .map(p -> new Profile(p.arn(), p.id, p.name, p.roles.stream().map(r -> r.name).toList(),
                        p.roles.stream().map(r -> r.arn()).toList())));
    }

    @Override
    public Optional<RoleCredentials> credentialsFor(String accountId, String profileArn, String instanceId) {
        IamAccount account = state.knownAccount(accountId);
        if (account == null || profileArn == null || instanceId == null) {
            return Optional.empty();
        }
        Instant now = state.clock().now().truncatedTo(ChronoUnit.SECONDS); // IMDS prints whole seconds
        Key key = new Key(accountId, profileArn, instanceId);
        Optional<Grant> grant = account.locked(a -> profile(a, profileArn).flatMap(p -> p.roles.stream().findFirst())
                .filter(role -> trustsEc2(role, now))
                .map(role -> new Grant(role.name, role.id, role.tags.asMap())));
        if (grant.isEmpty()) {
            current.remove(key);
            return Optional.empty();
        }
        Grant g = grant.get();
        StsSession before = current.get(key);
        StsSession session = current.compute(key, (k, old) -> stillCurrent(old, g, now) ? old
                : Sessions.issue(state, (keyId, secret, token) -> Sessions.assumedRole(accountId, g.roleName(), g.roleId(),
                        instanceId, g.tags(), keyId, secret, token), g.roleName(), now, (int) VALIDITY.toSeconds(), List.of(), false));
        if (session != before) { // a new session: forget the expired ones of instances that stopped asking
            current.values().removeIf(s -> !now.isBefore(s.expiration()));
        }
        return Optional.of(new RoleCredentials(session.roleName(), session.accessKeyId(),
                session.principal().secretAccessKey(), session.principal().sessionToken(), session.issued(),
                session.expiration()));
    }

    /** The profile by name (any case, as IAM looks names up) or by its exact ARN; the caller holds the lock. */
    private static Optional<InstanceProfile> profile(IamAccount account, String nameOrArn) {
        String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
        String lower = name.toLowerCase(Locale.ROOT);
        return account.instanceProfiles().stream().filter(p -> p.name.toLowerCase(Locale.ROOT).equals(lower))
                .filter(p -> !nameOrArn.startsWith("arn:") || p.arn().equals(nameOrArn))
                .findFirst();
    }

    /** Whether the role's trust policy lets EC2 assume it, as AssumeRole would decide for the service. */
    private static boolean trustsEc2(Role role, Instant now) {
        try {
            PolicySource trust = new PolicySource(role.arn(), "resource", IdentityPolicies.parse(role.trustPolicy, PolicyKind.TRUST));
            Map<String, List<String>> context = Map.of("aws:CurrentTime", List.of(now.toString()),
                    "aws:EpochTime", List.of(Long.toString(now.getEpochSecond())),
                    "aws:PrincipalServiceName", List.of(EC2_SERVICE));
            // a service belongs to no account: the trust policy alone decides (no resource account to compare)
            return PolicyEvaluator.evaluate(new PolicySet(List.of(), null, null, trust, null, true),
                    new RequestFacts("sts:AssumeRole", role.arn(), Caller.service(EC2_SERVICE), context)).allowed();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The session already handed to the instance still serves: same role (not recreated), fresh, not reset away. */
    private boolean stillCurrent(StsSession old, Grant grant, Instant now) {
        return old != null && grant.roleName().equals(old.roleName())
                && old.principal().userId().startsWith(grant.roleId() + ":")
                && now.isBefore(old.issued().plus(REFRESH_AFTER))
                && state.session(old.accessKeyId()).isPresent();
    }

    private record Key(String accountId, String profileArn, String instanceId) {
    }

    /** What the issued session takes from the role, read under the account lock. */
    private record Grant(String roleName, String roleId, Map<String, String> tags) {
    }
}
