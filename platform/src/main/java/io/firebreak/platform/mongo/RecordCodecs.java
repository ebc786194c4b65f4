package io.firebreak.platform.mongo;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Codecs for the records services store: a document with one field per component, named as the component.
 * Unlike the driver's record codec it also reads and writes records that are not public (services keep
 * their types package-private), reads a missing or null field as null (a primitive as its zero value, so a
 * component added later reads old documents), and writes no field for a null value. Records with type
 * parameters are left to the driver's codec.
 */
public final class RecordCodecs implements CodecProvider {

    @Override
    public <T> Codec<T> get(Class<T> clazz, CodecRegistry registry) {
        return clazz.isRecord() && clazz.getTypeParameters().length == 0 ? codec(clazz, registry) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Codec<T> codec(Class<T> clazz, CodecRegistry registry) {
        return new AccessibleRecordCodec(clazz, registry);
    }

    private static final class AccessibleRecordCodec<T extends Record> implements Codec<T> {

        private final Class<T> type;
        private final Constructor<T> constructor;
        private final Component[] components;
        private final Map<String, Component> byName = new HashMap<>();

        AccessibleRecordCodec(Class<T> type, CodecRegistry registry) {
            this.type = type;
            RecordComponent[] recordComponents = type.getRecordComponents();
            try {
                constructor = type.getDeclaredConstructor(Arrays.stream(recordComponents)
                        .map(RecordComponent::getType)
                        .toArray(Class<?>[]::new));
                constructor.setAccessible(true);
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new CodecConfigurationException("Cannot use the canonical constructor of " + type.getName(), e);
            }
            components = new Component[recordComponents.length];
            for (int i = 0; i < recordComponents.length; i++) {
                components[i] = new Component(i, recordComponents[i], registry);
                byName.put(components[i].name, components[i]);
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void encode(BsonWriter writer, T value, EncoderContext context) {
            writer.writeStartDocument();
            for (Component component : components) {
                Object componentValue = component.read(value);
                if (componentValue != null) {
                    writer.writeName(component.name);
                    context.encodeWithChildContext((Codec) component.codec(), writer, componentValue);
                }
            }
            writer.writeEndDocument();
        }

        @Override
        public T decode(BsonReader reader, DecoderContext context) {
            Object[] arguments = new Object[components.length];
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                Component component = byName.get(reader.readName());
                if (component == null) {
                    reader.skipValue(); // _id and fields of another version: not part of this record
                } else if (reader.getCurrentBsonType() == BsonType.NULL) {
                    reader.readNull();
                } else {
                    arguments[component.index] = context.decodeWithChildContext(component.codec(), reader);
                }
            }
            reader.readEndDocument();
            for (Component component : components) {
                if (arguments[component.index] == null) arguments[component.index] = component.absent;
            }
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new CodecConfigurationException(
                        "The constructor of " + type.getName() + " refused a stored " + "document: " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new CodecConfigurationException("Cannot construct " + type.getName() + " from a document", e);
            }
        }

        @Override
        public Class<T> getEncoderClass() {
            return type;
        }
    }

    /** One record component: its field name, its accessor, and the codec of its (possibly generic) type. */
    private static final class Component {
        final int index;
        final String name;
        final Object absent;
        private final Method accessor;
        private final Type genericType;
        private final Class<?> rawType;
        private final CodecRegistry registry;
        private volatile Codec<?> codec;

        Component(int index, RecordComponent component, CodecRegistry registry) {
            this.index = index;
            this.name = component.getName();
            this.accessor = component.getAccessor();
            this.accessor.setAccessible(true);
            this.genericType = component.getGenericType();
            this.rawType = component.getType();
            this.registry = registry;
            this.absent = rawType.isPrimitive() ? Array.get(Array.newInstance(rawType, 1), 0) : null;
        }

        Object read(Record value) {
            try {
                return accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new CodecConfigurationException(
                        "Cannot read " + name + " of " + value.getClass().getName(), e);
            }
        }

        /** Looked up on first use, so that records may nest themselves (a tree of replies, say). */
        Codec<?> codec() {
            Codec<?> found = codec;
            if (found == null) {
                Class<?> boxed = rawType.isPrimitive() ? absent.getClass() : rawType;
                found = genericType instanceof ParameterizedType parameterized
                        ? registry.get(boxed, List.of(parameterized.getActualTypeArguments()))
                        : registry.get(boxed);
                codec = found;
            }
            return found;
        }
    }
}
