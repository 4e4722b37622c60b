package com.example.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

public class Mappers {

    public static ObjectMapper legacy() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: deserialization/java-jackson-default-typing
        mapper.enableDefaultTyping();
        return mapper;
    }

    public static ObjectMapper permissive() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: deserialization/java-jackson-default-typing
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }

    public static ObjectMapper restricted() {
        BasicPolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("com.example.api.model.")
            .build();
        ObjectMapper mapper = new ObjectMapper();
        // ok: deserialization/java-jackson-default-typing
        mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
        // ok: deserialization/java-jackson-default-typing
        mapper.findAndRegisterModules();
        return mapper;
    }
}
