package io.cloudjar.core.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one rules file (the format is described on {@link OperationRules}). */
final class RuleFileParser {
    private RuleFileParser() {
    }

    static List<AuthorizationRule> parse(InputStream in, String fileName) throws IOException {
        List<AuthorizationRule> rules = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        String where = null;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) { // an indented line continues the rule above it
                if (pending.isEmpty()) {
                    throw new IllegalStateException(fileName + ":" + number + ": an indented line continues no rule");
                }
                pending.append(' ').append(trimmed);
                continue;
            }
            add(rules, pending, where);
            pending.append(trimmed);
            where = fileName + ":" + number;
        }
        add(rules, pending, where);
        return rules;
    }

    private static void add(List<AuthorizationRule> rules, StringBuilder pending, String where) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            rules.add(rule(pending.toString().split("\\s+"), where));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        pending.setLength(0);
    }

    private static AuthorizationRule rule(String[] tokens, String where) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("a rule names an operation and an action");
        }
        String action = tokens[1];
        if (!action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("'" + action + "' is not an IAM action such as s3:GetObject");
        }
        List<RuleTemplate> resources = new ArrayList<>();
        Map<String, RuleTemplate> conditions = new LinkedHashMap<>();
        RuleTemplate onlyIf = null;
        RuleTemplate unless = null;
        AuthorizationRule.CheckedBy checkedBy = AuthorizationRule.CheckedBy.PIPELINE;
        for (int i = 2; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.startsWith("if:")) {
                onlyIf = RuleTemplate.parse(token.substring(3));
            } else if (token.startsWith("unless:")) {
                unless = RuleTemplate.parse(token.substring(7));
            } else if (token.equals("by:provider")) {
                checkedBy = AuthorizationRule.CheckedBy.PROVIDER;
            } else if (token.equals("by:nobody")) {
                checkedBy = AuthorizationRule.CheckedBy.NOBODY;
            } else if (token.indexOf('=') > 0 && token.indexOf('=') < indexOrEnd(token, '{')) {
                int eq = token.indexOf('=');
                RuleTemplate value = RuleTemplate.parse(token.substring(eq + 1));
                if (token.substring(0, eq).endsWith("/*") && !value.isSinglePlaceholder()) {
                    throw new IllegalArgumentException("'" + token + "': a key ending in /* takes one {Member} of tags");
                }
                conditions.put(token.substring(0, eq), value);
            } else if (token.startsWith("arn:") || token.equals("*") || token.startsWith("{")) {
                resources.add(RuleTemplate.parse(token));
            } else {
                throw new IllegalArgumentException("'" + token + "' is no resource (arn:..., {Member}, *), key=value, if:, unless:, by:provider or by:nobody");
            }
        }
        return new AuthorizationRule(tokens[0], action, List.copyOf(resources), java.util.Collections.unmodifiableMap(conditions), onlyIf, unless,
                checkedBy, where + " " + String.join(" ", tokens));
    }

    private static int indexOrEnd(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s.length() : i;
    }
}
