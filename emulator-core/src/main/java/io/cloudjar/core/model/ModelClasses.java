package io.cloudjar.core.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.Buildable;

/** Reflection over SDK v2 model classes, cached: every model class has a static {@code builder()}. */
public final class ModelClasses {
    private static final ConcurrentHashMap<Class<?>, MethodHandle> BUILDERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Class<?>, java.util.List<software.amazon.awssdk.core.SdkField<?>>> FIELDS =
            new ConcurrentHashMap<>();

    private ModelClasses() {
    }

    public static SdkPojo newBuilder(Class<?> modelClass) {
        MethodHandle handle = BUILDERS.computeIfAbsent(modelClass, c -> {
            try {
                return MethodHandles.publicLookup().findStatic(c, "builder",
                        MethodType.methodType(c.getMethod("builder").getReturnType()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Not an SDK model class: " + c, e);
            }
        });
        try {
            return (SdkPojo) handle.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot create builder of " + modelClass, e);
        }
    }

    /** The fields of a model class, read once from a throw-away builder. */
    public static java.util.List<software.amazon.awssdk.core.SdkField<?>> fields(Class<?> modelClass) {
        return FIELDS.computeIfAbsent(modelClass, c -> newBuilder(c).sdkFields());
    }

    /**
     * The value of a member by its model name ({@code DryRun}, {@code Bucket}); null when the class has no
     * such member. ({@code sdkFieldNameToField()} is keyed by wire names, which differ per protocol.)
     */
    public static Object member(SdkPojo pojo, String memberName) {
        for (software.amazon.awssdk.core.SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(memberName)) {
                return field.getValueOrDefault(pojo);
            }
        }
        return null;
    }

    /** Sets a member of a builder by its model name; a name the model lacks is skipped (members of newer SDKs). */
    public static void setMember(SdkPojo builder, String memberName, Object value) {
        for (software.amazon.awssdk.core.SdkField<?> field : builder.sdkFields()) {
            if (field.memberName().equals(memberName)) {
                field.set(builder, value);
                return;
            }
        }
    }

    /** Copies every member that both model objects have by name, e.g. a GetObject answer into HeadObject's. */
    public static void copyMembers(SdkPojo from, SdkPojo toBuilder) {
        java.util.Map<String, software.amazon.awssdk.core.SdkField<?>> source = new java.util.HashMap<>();
        from.sdkFields().forEach(f -> source.put(f.memberName(), f));
        for (software.amazon.awssdk.core.SdkField<?> field : toBuilder.sdkFields()) {
            software.amazon.awssdk.core.SdkField<?> match = source.get(field.memberName());
            Object value = match == null ? null : match.getValueOrDefault(from);
            if (value != null) {
                field.set(toBuilder, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> T build(SdkPojo builder) {
        return (T) ((Buildable) builder).build();
    }
}
