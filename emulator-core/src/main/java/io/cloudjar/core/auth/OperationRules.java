package io.cloudjar.core.auth;

import io.cloudjar.core.model.OperationModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Every operation's IAM checks, as data next to the services: a provider class's package holds a resource
 * {@code <api>.authz} (service-vpc's {@code io/cloudjar/vpc/ec2.authz}); every module serving an API adds its file.
 *
 * <p>One line is one check; an operation with several lines makes every check that applies (the first denial
 * decides). Tokens are separated by blanks; {@code #} starts a comment line:
 * <pre>
 * Operation  service:Action  [resource ...]  [key=value ...]  [if:{Member}]  [unless:{Member}]  [by:provider]
 * ListObjectsV2  s3:ListBucket  arn:aws:s3:::{Bucket}  s3:prefix={Prefix}  s3:max-keys={MaxKeys}
 * GetObject      s3:GetObjectVersion  arn:aws:s3:::{Bucket}/{Key}  if:{VersionId}
 * </pre>
 * A resource is an ARN template, {@code {Member}} or {@code *} (see {@link RuleTemplate}); resources that render
 * to nothing drop out, and a check left without any is asked on {@code *}. A {@code key=value} token adds a
 * condition key (a list member gives several values); a key named {@code prefix/*} expands tag structures
 * ({@code aws:RequestTag/*={Tags}}). {@code if:} and {@code unless:} make the line apply only when their template
 * renders to something, or to nothing. {@code by:provider} marks a check the provider makes itself.
 */
public final class OperationRules {
    private final Map<String, Map<String, List<AuthorizationRule>>> byApi = new HashMap<>();
    private final Map<String, RuleResolver> resolvers = new ConcurrentHashMap<>();

    /**
     * Reads the rules files in the packages of the providers' classes.
     *
     * @param apiOfProvider each provider class and the API it serves
     */
    public static OperationRules load(Map<Class<?>, String> apiOfProvider) {
        OperationRules rules = new OperationRules();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<Class<?>, String> provider : apiOfProvider.entrySet()) {
            String api = provider.getValue();
            URL url = provider.getKey().getResource(api + ".authz");
            if (url == null || !seen.add(url.toString())) {
                continue;
            }
            String name = provider.getKey().getPackageName().replace('.', '/') + "/" + api + ".authz";
            try (InputStream in = url.openStream()) {
                Map<String, List<AuthorizationRule>> byOperation = new HashMap<>();
                for (AuthorizationRule rule : RuleFileParser.parse(in, name)) {
                    byOperation.computeIfAbsent(rule.operation(), o -> new ArrayList<>()).add(rule);
                }
                rules.add(api, byOperation);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name, e);
            }
        }
        return rules;
    }

    /** Adds an API's rules (several modules may add to one API; an operation's lines stay in file order). */
    void add(String api, Map<String, List<AuthorizationRule>> byOperation) {
        Map<String, List<AuthorizationRule>> operations = byApi.computeIfAbsent(api, a -> new HashMap<>());
        byOperation.forEach((op, rules) -> operations.computeIfAbsent(op, o -> new ArrayList<>()).addAll(rules));
    }

    /** Lets a service look up what a rule needs beyond the input ({@code {userPath(UserName)}}). */
    public void addResolver(String name, RuleResolver resolver) {
        resolvers.put(name, resolver);
    }

    public Map<String, RuleResolver> resolvers() {
        return java.util.Collections.unmodifiableMap(resolvers);
    }

    /** The rules of an operation, including those providers check; empty when it has none. */
    public List<AuthorizationRule> of(String api, String operation) {
        return byApi.getOrDefault(api, Map.of()).getOrDefault(operation, List.of());
    }

    /** The operations of an API that have rules. */
    public Set<String> operations(String api) {
        return byApi.getOrDefault(api, Map.of()).keySet();
    }

    /**
     * The checks the pipeline makes for a call: each rule that applies and that no provider makes itself. An
     * operation without rules is checked as {@code <signing name>:<Operation>} on {@code *}.
     */
    public List<AuthorizationCheck> checks(OperationModel op, Object input, RuleScope scope, Map<String, List<String>> callKeys) {
        List<AuthorizationRule> rules = of(op.api().metadata().api(), op.name());
        if (rules.isEmpty() || !(input instanceof SdkPojo pojo)) {
            return List.of(new AuthorizationCheck(op.api().metadata().signingName() + ":" + op.name(), List.of("*"), callKeys));
        }
        List<AuthorizationCheck> checks = new ArrayList<>(rules.size());
        for (AuthorizationRule rule : rules) {
            if (rule.checkedBy() == AuthorizationRule.CheckedBy.PIPELINE && rule.appliesTo(pojo, scope, resolvers)) {
                checks.add(new AuthorizationCheck(rule.action(), rule.renderResources(pojo, scope, resolvers),
                        rule.renderKeys(callKeys, pojo, scope, resolvers)));
            }
        }
        return checks;
    }

    /**
     * What is wrong with the rules of an API: a rule naming an operation the API lacks, or a member its input
     * lacks. Resolvers are checked too when {@code checkResolvers} (they are registered as providers start).
     *
     * @param inputBuilder a fresh builder of an operation's request class, or null when the API has no such operation
     */
    public List<String> problems(String api, Function<String, SdkPojo> inputBuilder, boolean checkResolvers) {
        List<String> problems = new ArrayList<>();
        byApi.getOrDefault(api, Map.of()).forEach((operation, rules) -> {
            SdkPojo input = inputBuilder.apply(operation);
            if (input == null) {
                rules.forEach(r -> problems.add(r + ": " + api + " has no operation " + operation));
                return;
            }
            Set<String> known = checkResolvers ? resolvers.keySet() : new AnyName();
            for (AuthorizationRule rule : rules) {
                for (RuleTemplate template : rule.templates()) {
                    String problem = template.problem(input, known);
                    if (problem != null) {
                        problems.add(rule + ": " + problem);
                    }
                }
            }
        });
        return problems;
    }

    /** The APIs that have rules. */
    public Set<String> apis() {
        return byApi.keySet();
    }

    /** A set that contains every name, for checking templates before resolvers are registered. */
    private static final class AnyName extends java.util.AbstractSet<String> {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
