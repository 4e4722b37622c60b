const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const staff = new DOMParser().parseFromString('<staff/>', 'text/xml');

app.get('/employees/:id/email', (req, res) => {
  const id = Number.parseInt(req.params.id, 10);
  if (!Number.isInteger(id)) return res.status(400).end();
  res.json(xpath.select(`//employee[@id=${id}]/email/text()`, staff).map(String));
});
