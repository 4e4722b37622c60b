const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const stock = new DOMParser().parseFromString('<stock/>', 'text/xml');

app.get('/inventory', (req, res) => {
  const preds = [].concat(req.query.warehouse).map((w) => `@warehouse='${w}'`);
  const total = xpath.select(`sum(//item[${preds.join(' or ')}]/qty)`, stock);
  res.json({ total });
});
