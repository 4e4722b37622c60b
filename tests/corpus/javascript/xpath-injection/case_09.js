import express from 'express';
import xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = express();
const articles = new DOMParser().parseFromString('<articles/>', 'text/xml');

function titlesFor(tag) {
  return xpath.parse("//article[tag='" + tag + "']/title").select({ node: articles });
}

app.get('/articles', (req, res) => res.json(titlesFor(req.query.tag).length));
