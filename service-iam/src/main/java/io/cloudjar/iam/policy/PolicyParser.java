package io.cloudjar.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.iam.policy.PolicyDocument.Condition;
import io.cloudjar.iam.policy.PolicyDocument.Effect;
import io.cloudjar.iam.policy.PolicyDocument.Span;
import io.cloudjar.iam.policy.PolicyDocument.Statement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a policy document with IAM's rules and messages, checked in IAM's order: JSON and
 * element syntax, version, resource formats, unique Sids, actions present, vendor prefixes, then what the
 * {@link PolicyKind} demands.
 */
public final class PolicyParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9\\-.]+");
    private static final Pattern SID = Pattern.compile("[0-9A-Za-z]*");
    private static final Set<String> TRUST_ACTIONS = Set.of("sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext", "sts:*", "*");

    private PolicyParser() {
    }

    public static PolicyDocument parse(String text, PolicyKind kind) {
        if (text == null || text.isBlank()) {
            throw syntax();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw syntax();
        }
        if (root == null || !root.isObject()) {
            throw syntax();
        }
        root.fieldNames().forEachRemaining(name -> require(TOP.contains(name)));
        String version = optionalText(root, "Version");
        require(version == null || version.equals("2012-10-17") || version.equals("2008-10-17"));
        String id = optionalText(root, "Id");
        JsonNode statementNode = root.get("Statement");
        require(statementNode != null && (statementNode.isObject() || statementNode.isArray()));
        List<JsonNode> nodes = new ArrayList<>();
        if (statementNode.isObject()) {
            nodes.add(statementNode);
        } else {
            statementNode.forEach(nodes::add);
        }
        List<Span> spans = StatementSpans.of(text);
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            statements.add(statement(nodes.get(i), i < spans.size() ? spans.get(i) : null));
        }
        PolicyDocument document = new PolicyDocument(version, id, statements, text);
        validate(document, kind);
        return document;
    }

    private static Statement statement(JsonNode node, Span span) {
        require(node.isObject());
        node.fieldNames().forEachRemaining(name -> require(STATEMENT.contains(name)));
        require(!(node.has("Action") && node.has("NotAction")));
        require(!(node.has("Resource") && node.has("NotResource")));
        require(!(node.has("Principal") && node.has("NotPrincipal")));
        String effect = optionalText(node, "Effect");
        require("Allow".equals(effect) || "Deny".equals(effect));
        boolean notAction = node.has("NotAction");
        boolean notResource = node.has("NotResource");
        boolean notPrincipal = node.has("NotPrincipal");
        return new Statement(optionalText(node, "Sid"), "Allow".equals(effect) ? Effect.ALLOW : Effect.DENY,
                principals(node.get(notPrincipal ? "NotPrincipal" : "Principal")), notPrincipal,
                strings(node.get(notAction ? "NotAction" : "Action")), notAction,
                strings(node.get(notResource ? "NotResource" : "Resource")), notResource,
                conditions(node.get("Condition")), span);
    }

    /** {@code "*"} or {@code {"AWS": "arn" | [...], "Service": ..., "Federated": ..., "CanonicalUser": ...}}. */
    private static Map<String, List<String>> principals(JsonNode node) {
        if (node == null) {
            return null;
        }
        Map<String, List<String>> principals = new LinkedHashMap<>();
        if (node.isTextual()) {
            require(node.asText().equals("*"));
            principals.put("*", List.of("*"));
            return principals;
        }
        require(node.isObject() && node.size() > 0);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            require(Set.of("AWS", "Service", "Federated", "CanonicalUser").contains(entry.getKey()));
            principals.put(entry.getKey(), strings(entry.getValue()));
        }
        return principals;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        require(node.isArray());
        List<String> values = new ArrayList<>();
        node.forEach(item -> {
            require(item.isTextual());
            values.add(item.asText());
        });
        return values;
    }

    private static List<Condition> conditions(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        require(node.isObject());
        List<Condition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            require(op.getValue().isObject());
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                conditions.add(new Condition(op.getKey(), key.getKey(), conditionValues(key.getValue())));
            }
        }
        return conditions;
    }

    private static List<String> conditionValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(scalar(item)));
        } else {
            values.add(scalar(node));
        }
        return values;
    }

    private static String scalar(JsonNode node) {
        require(node.isValueNode() && !node.isNull());
        return node.asText();
    }

    private static void validate(PolicyDocument document, PolicyKind kind) {
        if (!document.supportsVariables() && usesVariables(document)) {
            throw new MalformedPolicyException("Policy document must be version 2012-10-17 or greater.");
        }
        for (Statement s : document.statements()) {
            if (s.resources() != null) {
                for (String resource : s.resources()) {
                    if (!resource.equals("*") && !resource.startsWith("arn:")) {
                        throw new MalformedPolicyException("Resource " + resource + " must be in ARN format or \"*\".");
                    }
                }
            }
        }
        Set<String> sids = new HashSet<>();
        for (Statement s : document.statements()) {
            if (s.sid() != null && !s.sid().isEmpty()) {
                if (kind == PolicyKind.IDENTITY && !SID.matcher(s.sid()).matches()) {
                    throw new MalformedPolicyException("Statement IDs (SID) must be alpha-numeric. Check that your input "
                            + "satisfies the regular expression [0-9A-Za-z]*");
                }
                if (!sids.add(s.sid())) {
                    throw new MalformedPolicyException("Statement IDs (SID) in a single policy must be unique.");
                }
            }
        }
        for (Statement s : document.statements()) {
            if (s.actions() == null) {
                throw new MalformedPolicyException("Policy statement must contain actions.");
            }
        }
        for (Statement s : document.statements()) {
            for (String action : s.actions()) {
                checkVendor(action);
            }
            for (Condition c : s.conditions()) {
                if (ConditionOperators.parse(c.operator()) == null) {
                    throw new MalformedPolicyException("Invalid Condition type : " + c.operator());
                }
                // keys may hold more colons after the vendor (kms:EncryptionContext:aws:s3:arn)
                if (!c.key().contains(":")) {
                    throw new MalformedPolicyException("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
                }
            }
        }
        switch (kind) {
            case IDENTITY -> {
                for (Statement s : document.statements()) {
                    if (s.principals() != null) {
                        throw new MalformedPolicyException("Policy document should not specify a principal.");
                    }
                    if (s.resources() == null) {
                        throw new MalformedPolicyException("Policy statement must contain resources.");
                    }
                }
            }
            case TRUST -> {
                for (Statement s : document.statements()) {
                    if (s.resources() != null) {
                        throw new MalformedPolicyException("Has prohibited field Resource.");
                    }
                    if (s.principals() == null) {
                        throw new MalformedPolicyException("Missing required field Principal.");
                    }
                    if (!s.notAction() && s.actions().stream().anyMatch(a -> !TRUST_ACTIONS.contains(a.toLowerCase(java.util.Locale.ROOT)))) {
                        throw new MalformedPolicyException("Trust Policy statement actions can only be sts:AssumeRole, "
                                + "sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity");
                    }
                }
            }
            case RESOURCE -> {
                for (Statement s : document.statements()) {
                    if (s.principals() == null) {
                        throw new MalformedPolicyException("Missing required field Principal.");
                    }
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static void checkVendor(String actionOrKey) {
        if (actionOrKey.equals("*")) {
            return;
        }
        String[] parts = actionOrKey.split(":", -1);
        if (parts.length == 1) {
            throw new MalformedPolicyException("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        }
        if (parts.length > 2) {
            throw new MalformedPolicyException("Actions/Condition can contain only one colon.");
        }
        if (!parts[0].equals("*") && !VENDOR.matcher(parts[0]).matches()) {
            throw new MalformedPolicyException("Vendor " + parts[0] + " is not valid");
        }
    }

    private static boolean usesVariables(PolicyDocument document) {
        for (Statement s : document.statements()) {
            if (s.resources() != null && s.resources().stream().anyMatch(r -> r.contains("${"))) {
                return true;
            }
            if (s.conditions().stream().anyMatch(c -> c.values().stream().anyMatch(v -> v.contains("${")))) {
                return true;
            }
        }
        return false;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        require(value.isTextual());
        return value.asText();
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw syntax();
        }
    }

    private static MalformedPolicyException syntax() {
        return new MalformedPolicyException("Syntax errors in policy.");
    }
}
