package io.cloudjar.rds;

import java.util.List;
import software.amazon.awssdk.services.rds.model.CharacterSet;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;
import software.amazon.awssdk.services.rds.model.Timezone;

/**
 * One version of the engine catalogue: what DescribeDBEngineVersions selects on, and the SDK shape it answers.
 *
 * @param sortKey       engine, then the version numerically (10.6 before 10.11); also the paging key
 * @param engineDefault the version DefaultOnly returns for the engine
 * @param majorDefault  the preferred minor of its major version: DefaultOnly for that major, the AutoUpgrade target
 */
record EngineVersion(String engine, String version, String family, String status, String sortKey,
                     boolean engineDefault, boolean majorDefault, List<String> engineModes,
                     List<CharacterSet> characterSets, List<Timezone> timezones, DBEngineVersion shape) {

    boolean available() {
        return "available".equals(status);
    }

    /** AWS takes an exact version or a major-version prefix ("16", "8.0"), matched on whole components. */
    boolean matchesVersion(String wanted) {
        return wanted == null || version.equals(wanted) || version.startsWith(wanted + ".");
    }

    /** The answer; character sets and time zones only when asked for and the engine has them (as AWS). */
    DBEngineVersion toSdk(boolean listCharacterSets, boolean listTimezones) {
        boolean charsets = listCharacterSets && !characterSets.isEmpty();
        boolean zones = listTimezones && !timezones.isEmpty();
        if (!charsets && !zones) {
            return shape;
        }
        DBEngineVersion.Builder builder = shape.toBuilder();
        if (charsets) {
            builder.supportedCharacterSets(characterSets);
        }
        if (zones) {
            builder.supportedTimezones(timezones);
        }
        return builder.build();
    }

    /**
     * Zero-padded numeric components after the engine name; the space sorts before any name character. Aurora MySQL's
     * versions have a word among their numbers ({@code 8.0.mysql_aurora.3.08.2}): it is kept as it is.
     */
    static String sortKey(String engine, String version) {
        StringBuilder key = new StringBuilder(engine).append(' ');
        for (String part : version.split("\\.")) {
            key.append(part.chars().allMatch(Character::isDigit) ? String.format("%06d.", Integer.parseInt(part)) : part + ".");
        }
        return key.toString();
    }
}
