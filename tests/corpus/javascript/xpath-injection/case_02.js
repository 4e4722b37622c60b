const express = require('express');
const fs = require('fs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const doc = new DOMParser().parseFromString(fs.readFileSync('/srv/users.xml', 'utf8'), 'text/xml');

app.get('/role', (req, res) => {
  const nodes = xpath.parse('/users/user[@name=$name]/role/text()').select({
    node: doc,
    variables: { name: String(req.query.name) },
  });
  res.send(nodes.map(String).join(','));
});
