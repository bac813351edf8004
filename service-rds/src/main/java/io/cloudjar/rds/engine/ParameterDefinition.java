package io.cloudjar.rds.engine;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One engine-default parameter as AWS lists it (RDS's default parameter groups, Lightsail's managed databases):
 * its default value ({@code value} null where AWS lists none, a formula such as {@code {DBInstanceClassMemory/32768}}
 * where AWS computes it), type, allowed values, whether it applies at once ({@code dynamic}) or at the next start
 * ({@code static}), and whether users may change it.
 *
 * @param engine the tsv's engine column: postgres, mysql, aurora-postgresql-cluster, aurora-mysql-cluster
 */
public record ParameterDefinition(String engine, String name, String value, String dataType, String allowedValues,
                                  String applyType, boolean modifiable, String description) {

    public boolean isStatic() {
        return "static".equals(applyType);
    }

    /**
     * Whether {@code value} is within the allowed values: an integer range ("1-262143") or a list ("0,1",
     * "none,ddl,mod,all"). Formulas are taken as given, as AWS evaluates them only when the server starts.
     */
    public boolean accepts(String value) {
        if (value == null || allowedValues == null || value.startsWith("{") || value.contains("({")) {
            return true;
        }
        if (dataType.equals("integer") && allowedValues.matches("-?\\d+-\\d+")) {
            int dash = allowedValues.indexOf('-', 1);
            try {
                BigInteger v = new BigInteger(value);
                return v.compareTo(new BigInteger(allowedValues.substring(0, dash))) >= 0
                        && v.compareTo(new BigInteger(allowedValues.substring(dash + 1))) <= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if ((dataType.equals("boolean") || dataType.equals("string")) && allowedValues.contains(",")) {
            return Arrays.asList(allowedValues.split(",")).contains(value);
        }
        return true;
    }

    /**
     * Whether a user's value reaches the real server: not AWS's own settings ({@code rds.*}) nor formulas
     * ({@code {DBInstanceClassMemory/...}}), which only AWS's hosts evaluate.
     */
    public static boolean reachesServer(String name, String value) {
        return value != null && !name.startsWith("rds.") && !value.contains("{");
    }
}
