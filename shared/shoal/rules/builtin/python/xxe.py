from lxml import etree
from lxml.etree import XMLParser as Parser
import lxml.etree
from lxml import objectify
import xml.sax
from xml.sax.handler import feature_external_ges


def parse(data):
    # ruleid: xxe/python-xml-external-entities
    a = etree.XMLParser(resolve_entities=True)
    # ruleid: xxe/python-xml-external-entities
    b = Parser(no_network=False)
    # ruleid: xxe/python-xml-external-entities
    c = lxml.etree.XMLParser(load_dtd=True)
    sax = xml.sax.make_parser()
    # ruleid: xxe/python-xml-external-entities
    sax.setFeature(feature_external_ges, True)
    # ok: xxe/python-xml-external-entities
    d = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: xxe/python-xml-external-entities
    e = etree.XMLParser(load_dtd=True, resolve_entities=False)
    # ok: xxe/python-xml-external-entities
    sax.setFeature(feature_external_ges, False)
    # ok: xxe/python-xml-external-entities
    f = etree.XMLParser()
    # ok: xxe/python-xml-external-entities
    g = "etree.XMLParser(resolve_entities=True) is unsafe"  # Parser(no_network=False)
    return a, b, c, d, e, f, g


def objectified(body):
    # ruleid: xxe/python-xml-external-entities
    parser = objectify.makeparser(resolve_entities=True, no_network=False)
    # ok: xxe/python-xml-external-entities
    safe = objectify.makeparser(resolve_entities=False)
    return objectify.fromstring(body, parser), safe
