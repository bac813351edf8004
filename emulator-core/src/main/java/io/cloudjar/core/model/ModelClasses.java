package io.cloudjar.core.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.Buildable;

/** Reflection over SDK v2 model classes, cached: every model class has a static {@code builder()}. */
public final class ModelClasses {
    private static final ConcurrentHashMap<Class<?>, MethodHandle> BUILDERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Class<?>, java.util.List<SdkField<?>>> FIELDS =
            new ConcurrentHashMap<>();
    /** Each model class's fields by member name, indexed once: every call asks for some (DryRun, the authz rules' members). */
    private static final ConcurrentHashMap<Class<?>, Map<String, SdkField<?>>> FIELDS_BY_MEMBER = new ConcurrentHashMap<>();

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
    public static java.util.List<SdkField<?>> fields(Class<?> modelClass) {
        return FIELDS.computeIfAbsent(modelClass, c -> newBuilder(c).sdkFields());
    }

    /**
     * The value of a member by its model name ({@code DryRun}, {@code Bucket}); null when the class has no
     * such member. ({@code sdkFieldNameToField()} is keyed by wire names, which differ per protocol.)
     */
    public static Object member(SdkPojo pojo, String memberName) {
        SdkField<?> field = fieldsByMember(pojo).get(memberName);
        return field == null ? null : field.getValueOrDefault(pojo);
    }

    /** Sets a member of a builder by its model name; a name the model lacks is skipped (members of newer SDKs). */
    public static void setMember(SdkPojo builder, String memberName, Object value) {
        SdkField<?> field = fieldsByMember(builder).get(memberName);
        if (field != null) {
            field.set(builder, value);
        }
    }

    private static Map<String, SdkField<?>> fieldsByMember(SdkPojo pojo) {
        Map<String, SdkField<?>> fields = FIELDS_BY_MEMBER.get(pojo.getClass());
        if (fields == null) {
            Map<String, SdkField<?>> index = new HashMap<>();
            for (SdkField<?> field : pojo.sdkFields()) {
                index.putIfAbsent(field.memberName(), field); // the first of a name, as the scan found it
            }
            fields = FIELDS_BY_MEMBER.computeIfAbsent(pojo.getClass(), c -> index);
        }
        return fields;
    }

    /** Copies every member that both model objects have by name, e.g. a GetObject answer into HeadObject's. */
    public static void copyMembers(SdkPojo from, SdkPojo toBuilder) {
        Map<String, SdkField<?>> source = new HashMap<>();
        from.sdkFields().forEach(f -> source.put(f.memberName(), f));
        for (SdkField<?> field : toBuilder.sdkFields()) {
            SdkField<?> match = source.get(field.memberName());
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
