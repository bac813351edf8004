package io.cloudjar.core.auth;

import io.cloudjar.core.model.OperationModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Every operation's IAM checks, as data next to the services: a provider class's package holds a resource
 * {@code <api>.authz} (service-vpc's {@code io/cloudjar/vpc/ec2.authz}); every module serving an API adds its file.
 *
 * <p>One rule is one check; an operation with several rules makes every check that applies, and the first denial
 * decides. Tokens are separated by blanks; a line that starts with a blank continues the rule above it; {@code #}
 * starts a comment line:
 * <pre>
 * Operation  service:Action  [resource ...]  [key=value ...]  [if:{Member}]  [unless:{Member}]  [by:provider|by:nobody]
 * ListObjectsV2  s3:ListBucket  arn:aws:s3:::{Bucket}
 *     s3:prefix={Prefix}  s3:delimiter={Delimiter}  s3:max-keys={MaxKeys}
 * GetObject      s3:GetObjectVersion  arn:aws:s3:::{Bucket}/{Key}  if:{VersionId}
 * </pre>
 * A resource is an ARN template, {@code {Member}} or {@code *} (see {@link RuleTemplate}); resources that render
 * to nothing drop out, and a check left without any is asked on {@code *}. A {@code key=value} token adds a
 * condition key (a list member gives several values; a key that renders to nothing is left out); a key named
 * {@code prefix/*} expands tag structures ({@code aws:RequestTag/*={Tags}}). {@code if:} and {@code unless:} make the
 * rule apply only when their template renders to something, or to nothing. {@code by:provider} marks a check the
 * provider makes itself, {@code by:nobody} one AWS does not make; the pipeline skips both.
 *
 * <p>The files are read on first use (on the start-up check's thread, off the path to the open port).
 */
public final class OperationRules {
    private final Map<Class<?>, String> apiOfProvider;
    private final Map<String, RuleResolver> resolvers = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, List<AuthorizationRule>>> byApi;

    /** Rules added by hand ({@link #add}), for tests of the format. */
    public OperationRules() {
        this.apiOfProvider = Map.of();
        this.byApi = new HashMap<>();
    }

    private OperationRules(Map<Class<?>, String> apiOfProvider) {
        this.apiOfProvider = new LinkedHashMap<>(apiOfProvider);
    }

    /**
     * The rules files in the packages of the providers' classes, read when first asked for.
     *
     * @param apiOfProvider each provider class and the API it serves
     */
    public static OperationRules of(Map<Class<?>, String> apiOfProvider) {
        return new OperationRules(apiOfProvider);
    }

    private Map<String, Map<String, List<AuthorizationRule>>> byApi() {
        Map<String, Map<String, List<AuthorizationRule>>> rules = byApi;
        if (rules == null) {
            synchronized (this) {
                rules = byApi;
                if (rules == null) {
                    rules = read(apiOfProvider);
                    byApi = rules;
                }
            }
        }
        return rules;
    }

    private static Map<String, Map<String, List<AuthorizationRule>>> read(Map<Class<?>, String> apiOfProvider) {
        Map<String, Map<String, List<AuthorizationRule>>> all = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<Class<?>, String> provider : apiOfProvider.entrySet()) {
            String api = provider.getValue();
            URL url = provider.getKey().getResource(api + ".authz");
            if (url == null || !seen.add(url.toString())) {
                continue;
            }
            String name = provider.getKey().getPackageName().replace('.', '/') + "/" + api + ".authz";
            try (InputStream in = url.openStream()) {
                for (AuthorizationRule rule : RuleFileParser.parse(in, name)) {
                    all.computeIfAbsent(api, a -> new HashMap<>()).computeIfAbsent(rule.operation(), o -> new ArrayList<>()).add(rule);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name, e);
            }
        }
        return all;
    }

    /** Adds rules by hand (an operation's rules stay in the order given). */
    synchronized void add(String api, List<AuthorizationRule> rules) {
        for (AuthorizationRule rule : rules) {
            byApi().computeIfAbsent(api, a -> new HashMap<>()).computeIfAbsent(rule.operation(), o -> new ArrayList<>()).add(rule);
        }
    }

    /** Lets a service look up what a rule needs beyond the input ({@code {userArn(UserName)}}). */
    public void addResolver(String name, RuleResolver resolver) {
        resolvers.put(name, resolver);
    }

    /** The APIs that have rules. */
    public Set<String> apis() {
        return Collections.unmodifiableSet(byApi().keySet());
    }

    /** The operations of an API that have rules. */
    public Set<String> operations(String api) {
        return Collections.unmodifiableSet(byApi().getOrDefault(api, Map.of()).keySet());
    }

    /** The rules of an operation, including those the pipeline does not check; empty when it has none. */
    public List<AuthorizationRule> of(String api, String operation) {
        return Collections.unmodifiableList(byApi().getOrDefault(api, Map.of()).getOrDefault(operation, List.of()));
    }

    /**
     * The checks the pipeline makes for a call: each rule that applies and that the pipeline makes. An operation
     * without rules is checked as {@code <signing name>:<Operation>} on {@code *}.
     */
    public List<AuthorizationCheck> checks(OperationModel op, Object input, RuleScope scope, Map<String, List<String>> callKeys) {
        String api = op.api().metadata().api();
        if (of(api, op.name()).isEmpty() || !(input instanceof SdkPojo)) {
            return List.of(new AuthorizationCheck(op.api().metadata().signingName() + ":" + op.name(), List.of("*"), callKeys));
        }
        return checks(api, op.name(), AuthorizationRule.CheckedBy.PIPELINE, input, scope, callKeys);
    }

    /**
     * The checks of an operation's rules that {@code by} makes, rendered for an input: a provider renders its own
     * ({@code by:provider}) this way, e.g. S3 DeleteObjects once per key with an input that names one key.
     */
    public List<AuthorizationCheck> checks(String api, String operation, AuthorizationRule.CheckedBy by, Object input,
                                           RuleScope scope, Map<String, List<String>> callKeys) {
        List<AuthorizationRule> rules = byApi().getOrDefault(api, Map.of()).getOrDefault(operation, List.of());
        if (!(input instanceof SdkPojo pojo)) {
            return List.of();
        }
        List<AuthorizationCheck> checks = new ArrayList<>(rules.size());
        for (AuthorizationRule rule : rules) {
            if (rule.checkedBy() == by && rule.appliesTo(pojo, scope, resolvers)) {
                checks.add(new AuthorizationCheck(rule.action(), rule.renderResources(pojo, scope, resolvers),
                        rule.renderKeys(callKeys, pojo, scope, resolvers)));
            }
        }
        return checks;
    }

    /** Rules naming an operation their API does not have (the start-up check: it loads no SDK class). */
    public List<String> unknownOperations(String api, Predicate<String> hasOperation) {
        List<String> problems = new ArrayList<>();
        byApi().getOrDefault(api, Map.of()).forEach((operation, rules) -> {
            if (!hasOperation.test(operation)) {
                rules.forEach(r -> problems.add(r + ": " + api + " has no operation " + operation));
            }
        });
        return problems;
    }

    /**
     * Everything wrong with the rules of an API: a rule naming an operation the API lacks, a member its input
     * lacks, or a resolver no service registered (the table test: it loads every request class named).
     *
     * @param inputBuilder a fresh builder of an operation's request class, or null when the API has no such operation
     */
    public List<String> problems(String api, Function<String, SdkPojo> inputBuilder) {
        List<String> problems = new ArrayList<>();
        byApi().getOrDefault(api, Map.of()).forEach((operation, rules) -> {
            SdkPojo input = inputBuilder.apply(operation);
            if (input == null) {
                rules.forEach(r -> problems.add(r + ": " + api + " has no operation " + operation));
                return;
            }
            for (AuthorizationRule rule : rules) {
                for (RuleTemplate template : rule.templates()) {
                    String problem = template.problem(input, resolvers.keySet());
                    if (problem != null) {
                        problems.add(rule + ": " + problem);
                    }
                }
            }
        });
        return problems;
    }
}
