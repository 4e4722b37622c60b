const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const groups = new DOMParser().parseFromString('<groups/>', 'text/xml');
const select = xpath.useNamespaces({ g: 'urn:groups' });

app.get('/groups/:group', (req, res) => {
  const nodes = select('//g:group[@name="' + req.params.group + '"]/g:member', groups);
  res.json(nodes.length);
});
