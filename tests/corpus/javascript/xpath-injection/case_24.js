const express = require('express');
const fs = require('fs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const doc = new DOMParser().parseFromString(fs.readFileSync('/srv/users.xml', 'utf8'), 'text/xml');

app.get('/role', (req, res) => {
  const name = req.query.name;
  const nodes = xpath.select("/users/user[@name='" + name + "']/role/text()", doc);
  res.send(nodes.map(String).join(','));
});
