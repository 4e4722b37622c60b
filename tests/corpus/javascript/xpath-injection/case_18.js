const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const groups = new DOMParser().parseFromString('<groups/>', 'text/xml');

app.get('/groups/:group', (req, res) => {
  const members = xpath.parse('//group[@name=$g]/member').select({ node: groups, variables: { g: req.params.group } });
  res.json(members.length);
});
