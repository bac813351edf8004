package io.cloudjar.core.persist;

import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/**
 * Lets the state file read Cloudjar's mutable state classes (VPC's resources) whose constructors compute things and
 * have no parameterless form: such an object is made without running a constructor, as Java serialization does, and
 * every field is then set from the JSON, which holds all of them. Records and JDK types keep Jackson's own ways.
 */
final class FieldsOnlyInstantiator extends ValueInstantiator.Base {
    private final Constructor<?> constructor;

    private FieldsOnlyInstantiator(Class<?> type) {
        super(type);
        try {
            this.constructor = sun.reflect.ReflectionFactory.getReflectionFactory()
                    .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean canCreateUsingDefault() {
        return true;
    }

    @Override
    public Object createUsingDefault(DeserializationContext context) {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + getValueTypeDesc() + " for the state file", e);
        }
    }

    /** Applies to Cloudjar's own concrete classes that are not records. */
    static final class ForCloudjarClasses extends ValueInstantiators.Base {
        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription description,
                                                       ValueInstantiator standard) {
            Class<?> type = description.getBeanClass();
            boolean ours = type.getName().startsWith("io.cloudjar.") && !type.isRecord() && !type.isEnum()
                    && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
            return ours && !standard.canCreateUsingDefault() ? new FieldsOnlyInstantiator(type) : standard;
        }
    }
}
