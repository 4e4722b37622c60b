package com.example.cache;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import java.util.Map;
import org.apache.commons.lang3.SerializationUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

public class Loader {
    private final Kryo kryo = new Kryo();

    public Object cached(byte[] blob) {
        // ruleid: deserialization/java-unsafe-deserializer
        return kryo.readClassAndObject(new Input(blob));
    }

    public Object restored(byte[] blob) {
        // ruleid: deserialization/java-unsafe-deserializer
        return SerializationUtils.deserialize(blob);
    }

    public Object config(String text) {
        Yaml yaml = new Yaml();
        // ruleid: deserialization/java-unsafe-deserializer
        return yaml.load(text);
    }

    public Map<String, Object> safeConfig(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        // ok: deserialization/java-unsafe-deserializer
        return yaml.load(text);
    }

    public byte[] saved(java.io.Serializable value) {
        // ok: deserialization/java-unsafe-deserializer
        return SerializationUtils.serialize(value); // SerializationUtils.deserialize(x)
    }
}
