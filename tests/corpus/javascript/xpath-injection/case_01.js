const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const feed = new DOMParser().parseFromString('<feed/>', 'text/xml');

app.get('/feed', (req, res) => {
  let category = req.get('x-category');
  category = 'news';
  res.json(xpath.select('//entry[category="' + category + '"]/title/text()', feed).map(String));
});
