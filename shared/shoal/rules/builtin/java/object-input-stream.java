package com.example.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.net.Socket;
import java.util.Base64;

public class SessionCodec {

    public Object decode(String cookie) throws IOException, ClassNotFoundException {
        byte[] data = Base64.getDecoder().decode(cookie);
        // ruleid: deserialization/java-object-input-stream
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        }
    }

    public Object receive(Socket socket) throws Exception {
        // ruleid: deserialization/java-object-input-stream
        return new java.io.ObjectInputStream(socket.getInputStream()).readObject();
    }

    public Object decodeSafely(InputStream raw) throws IOException, ClassNotFoundException {
        // ok: deserialization/java-object-input-stream
        ObjectInputStream in = new ObjectInputStream(raw) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                if (!desc.getName().equals("com.example.session.Session")) {
                    throw new java.io.InvalidClassException("blocked", desc.getName());
                }
                return super.resolveClass(desc);
            }
        };
        return in.readObject();
    }

    private void readObject(ObjectInputStream stream) throws IOException, ClassNotFoundException {
        // ok: deserialization/java-object-input-stream
        stream.defaultReadObject();
    }

    public Object filtered(java.io.InputStream raw) throws Exception {
        // ok: deserialization/java-object-input-stream
        java.io.ObjectInputStream in = new java.io.ObjectInputStream(raw);
        in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter("com.example.*;!*"));
        return in.readObject();
    }

    public Object qualified(java.io.InputStream raw) throws Exception {
        // ruleid: deserialization/java-object-input-stream
        return new java.io.ObjectInputStream(raw).readObject();
    }

    public Object defaults() throws Exception {
        // ok: deserialization/java-object-input-stream
        return new java.io.ObjectInputStream(getClass().getResourceAsStream("/defaults.ser")).readObject();
    }
}
