const express = require('express');
const { XMLParser } = require('fast-xml-parser');
const app = express();
const parser = new XMLParser({ ignoreAttributes: false, processEntities: false });

app.post('/feeds/validate', express.text({ type: '*/xml' }), (req, res) => {
  const doc = parser.parse(req.body);
  res.json({ root: Object.keys(doc)[0] });
});
