const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const catalog = new DOMParser().parseFromString('<catalog/>', 'text/xml');

app.get('/price', (req, res) => {
  const sku = String(req.query.sku);
  if (!/^[A-Z0-9-]{3,20}$/.test(sku)) return res.status(400).send('invalid sku');
  const node = xpath.select1(`//item[sku='${sku}']/price`, catalog);
  res.json({ price: node ? node.textContent : null });
});
