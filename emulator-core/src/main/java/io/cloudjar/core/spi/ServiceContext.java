package io.cloudjar.core.spi;

import io.cloudjar.core.auth.Authorizer;
import io.cloudjar.core.auth.CredentialResolver;
import io.cloudjar.core.auth.OperationRules;
import io.cloudjar.core.auth.RuleResolver;
import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.store.StoreRegistry;
import io.cloudjar.core.util.EmulatorClock;
import java.util.Optional;

/** What the server offers a provider at {@link ServiceProvider#init}. */
public interface ServiceContext {
    EmulatorConfig config();

    /** Where every piece of state lives, keyed by account and region; wiped by {@code /moto-api/reset}. */
    StoreRegistry stores();

    EmulatorClock clock();

    /** Another provider (or a facade it implements), e.g. service-ec2 asking for service-vpc's networking. */
    <T> Optional<T> lookup(Class<T> type);

    /**
     * One instance per server of a component that several providers of an API share (S3's storage is
     * used by its bucket, object and listing providers). Created on first request; closed with the server
     * when it is {@link AutoCloseable}.
     */
    <T> T shared(Class<T> type, java.util.function.Supplier<T> factory);

    /** Lets IAM map its access keys and session credentials to principals. */
    void addCredentialResolver(CredentialResolver resolver);

    /**
     * Lets a service look up what its authorization rules need beyond the input (an IAM user's path), named in
     * the rules files as {@code {name(Member)}}.
     */
    void addRuleResolver(String name, RuleResolver resolver);

    /** Every operation's authorization rules: a provider renders the checks it makes itself ({@code by:provider}). */
    OperationRules operationRules();

    /** Lets IAM install the policy evaluator as the authorizer of every call. */
    void setAuthorizer(Authorizer authorizer);

    /** Lets IAM offer the policy evaluator without installing it: moto's reset-auth switches it on. */
    void offerEvaluator(Authorizer evaluator);

    /** Lets a service answer who owns its resources and what their resource-based policies say (S3's buckets). */
    void addResourcePolicies(ResourcePolicies policies);

    /** Every service's resource owners and policies, asked in turn: what the authorizer consults. */
    ResourcePolicies resourcePolicies();

    /**
     * True when IAM's evaluator decides anonymous and cross-account calls on resources with an owner by their
     * resource-based policies (always when service-iam runs, with or without {@code ENFORCE_IAM}); false when no
     * evaluator exists, and then a service must refuse such calls itself.
     */
    boolean resourcePoliciesDecide();

    /**
     * Whether an anonymous caller may perform {@code action} on {@code resourceArn}, as IAM's evaluator decides from
     * the resource's policies (for what a service serves outside the API calls, such as S3 website endpoints); true
     * when no evaluator exists, as unsigned calls are then not restricted.
     */
    boolean anonymousAllowed(String action, String resourceArn, String region);

    /**
     * Runs {@code action} once every provider call running now has finished (at once when none runs): for removing
     * what a reset discarded but a call already running may still read, such as S3 bodies on disk.
     */
    void afterCallsInFlight(Runnable action);
}
