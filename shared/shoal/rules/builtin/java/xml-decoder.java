package com.example.settings;

import java.beans.XMLDecoder;
import java.beans.XMLEncoder;
import java.io.InputStream;
import java.io.OutputStream;

public class SettingsStore {

    public Object load(InputStream upload) {
        // ruleid: deserialization/java-xml-decoder
        try (XMLDecoder decoder = new XMLDecoder(upload)) {
            return decoder.readObject();
        }
    }

    public Object loadWithHandler(InputStream upload, ClassLoader loader) {
        // ruleid: deserialization/java-xml-decoder
        java.beans.XMLDecoder decoder = new java.beans.XMLDecoder(upload, null, null, loader);
        return decoder.readObject();
    }

    public void save(Object settings, OutputStream out) {
        // ok: deserialization/java-xml-decoder
        try (XMLEncoder encoder = new XMLEncoder(out)) {
            encoder.writeObject(settings);
        }
    }
}
