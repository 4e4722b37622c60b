const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const feed = new DOMParser().parseFromString('<feed/>', 'text/xml');

app.get('/feed', (req, res) => {
  const category = req.get('x-category');
  const titles = xpath.select('//entry[category="' + category + '"]/title/text()', feed);
  res.json(titles.map((t) => t.nodeValue));
});
