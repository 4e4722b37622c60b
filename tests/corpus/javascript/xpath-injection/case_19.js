const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const products = new DOMParser().parseFromString('<products/>', 'text/xml');

app.get('/products', (req, res) => {
  const filters = new Map();
  filters.set('color', req.query.color);
  const expr = "//product[color='" + filters.get('color') + "']/name/text()";
  res.json(xpath.select(expr, products).map(String));
});
