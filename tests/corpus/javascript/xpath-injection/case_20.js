const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const catalog = new DOMParser().parseFromString('<catalog/>', 'text/xml');

app.get('/price', (req, res) => {
  const expr = `//item[sku='${req.query.sku}']/price`;
  const node = xpath.select1(expr, catalog);
  res.json({ price: node ? node.textContent : null });
});
