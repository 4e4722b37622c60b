const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const products = new DOMParser().parseFromString('<products/>', 'text/xml');
const ADVANCED = false;

app.get('/products', (req, res) => {
  let expr = '//product/name/text()';
  if (ADVANCED) {
    expr = "//product[color='" + req.query.color + "']/name/text()";
  }
  res.json(xpath.select(expr, products).map(String));
});
