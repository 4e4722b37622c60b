package com.example.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.*;
import javax.xml.stream.XMLInputFactory;
import org.w3c.dom.Document;

public class Parsers {
    public Document unsafe(InputStream in) throws Exception {
        // ruleid: xxe/java-xml-parser-external-entities
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        return dbf.newDocumentBuilder().parse(in);
    }

    public void unsafeSax(InputStream in) throws Exception {
        // ruleid: xxe/java-xml-parser-external-entities
        SAXParserFactory spf = javax.xml.parsers.SAXParserFactory.newInstance();
        spf.setFeature("http://xml.org/sax/features/external-general-entities", true);
        spf.newSAXParser().parse(in, handler);
    }

    public void unsafeStax(InputStream in) throws Exception {
        // ruleid: xxe/java-xml-parser-external-entities
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.createXMLStreamReader(in);
    }

    public Document safe(InputStream in) throws Exception {
        // ok: xxe/java-xml-parser-external-entities
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(in);
    }

    public void safeStax(InputStream in) throws Exception {
        // ok: xxe/java-xml-parser-external-entities
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.createXMLStreamReader(in);
    }

    public void safeTransformer() throws Exception {
        // ok: xxe/java-xml-parser-external-entities
        javax.xml.transform.TransformerFactory tf = javax.xml.transform.TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    public void text() {
        // ok: xxe/java-xml-parser-external-entities
        String doc = "DocumentBuilderFactory.newInstance() must be hardened"; // DocumentBuilderFactory.newInstance()
    }

    public void dom4j(String xml) throws Exception {
        // ruleid: xxe/java-xml-parser-external-entities
        org.dom4j.Document a = org.dom4j.DocumentHelper.parseText(xml);
        // ruleid: xxe/java-xml-parser-external-entities
        org.dom4j.io.SAXReader reader = new org.dom4j.io.SAXReader();
        reader.read(new java.io.StringReader(xml));
    }

    public void jdom(String xml) throws Exception {
        // ok: xxe/java-xml-parser-external-entities
        org.jdom2.input.SAXBuilder builder = new org.jdom2.input.SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.build(new java.io.StringReader(xml));
    }

    private final javax.xml.stream.XMLInputFactory events = javax.xml.stream.XMLInputFactory.newFactory();

    public void stax(String xml) throws Exception {
        // ruleid: xxe/java-xml-parser-external-entities
        events.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, true);
        events.createXMLEventReader(new java.io.StringReader(xml));
    }

    public void staxOff(String xml) throws Exception {
        javax.xml.stream.XMLInputFactory off = javax.xml.stream.XMLInputFactory.newFactory();
        // ok: xxe/java-xml-parser-external-entities
        off.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        off.createXMLEventReader(new java.io.StringReader(xml));
    }
}
