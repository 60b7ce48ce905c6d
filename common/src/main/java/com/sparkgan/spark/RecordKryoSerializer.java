package com.sparkgan.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Writes a Java record as its components and rebuilds it through its canonical constructor.
 * The Kryo version Spark ships predates records (it cannot set their final fields), and its
 * Java-serialization fallback resolves classes without the application's class loader on
 * executors; components go through Kryo itself, which resolves them like any other class.
 */
final class RecordKryoSerializer extends Serializer<Record> {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    @Override
    public void write(Kryo kryo, Output output, Record record) {
        Shape shape = SHAPES.get(record.getClass());
        try {
            for (Method accessor : shape.accessors()) {
                kryo.writeClassAndObject(output, accessor.invoke(record));
            }
        } catch (ReflectiveOperationException e) {
            throw new KryoException("Cannot read the components of " + record.getClass(), e);
        }
    }

    @Override
    public Record read(Kryo kryo, Input input, Class<Record> type) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.accessors().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = kryo.readClassAndObject(input);
        }
        try {
            return (Record) shape.constructor().newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new KryoException("Cannot rebuild " + type, e);
        }
    }

    /** A record class's component accessors, in order, and its canonical constructor. */
    private record Shape(Method[] accessors, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new KryoException("A record without its canonical constructor: " + type, e);
            }
        }
    }
}
