import express from 'express';
import xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = express();
const articles = new DOMParser().parseFromString('<articles/>', 'text/xml');
const byTag = xpath.parse("//article[tag=$tag]/title");

app.get('/articles', (req, res) => {
  res.json(byTag.select({ node: articles, variables: { tag: String(req.query.tag) } }).length);
});
