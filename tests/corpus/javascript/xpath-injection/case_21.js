const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const reports = new DOMParser().parseFromString('<reports/>', 'text/xml');

app.get('/reports/query', (req, res) => {
  const q = req.query.xpath;
  res.json({ result: String(xpath.select(q, reports)) });
});
