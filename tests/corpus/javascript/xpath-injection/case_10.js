const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const reports = new DOMParser().parseFromString('<reports/>', 'text/xml');

app.get('/reports/total', (req, res) => {
  const who = req.query.who;
  const total = xpath.select('sum(//report/amount)', reports);
  res.json({ who, total });
});
