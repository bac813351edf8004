package io.cloudjar.core.persist;

/**
 * A value kept in a map whose values are of many classes (S3's per-version settings, Lightsail's resources of every
 * type): its class's name and its JSON ({@link Persistence#writeValue}).
 */
public record KeptValue(String type, String json) {
    public static KeptValue of(Persistence persistence, Object value) {
        return new KeptValue(value.getClass().getName(), persistence.writeValue(value));
    }

    /** The value again, of the class it was written as; a class this Cloudjar no longer has is refused clearly. */
    public Object read(Persistence persistence, ClassLoader loader) {
        try {
            return persistence.readValue(json, Class.forName(type, false, loader));
        } catch (ClassNotFoundException e) {
            throw new StoreFormatException("The state file holds a " + type + ", which this Cloudjar does not know", e);
        }
    }
}
