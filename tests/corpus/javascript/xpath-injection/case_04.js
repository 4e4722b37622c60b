const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
app.use(express.json());
const library = new DOMParser().parseFromString('<library/>', 'text/xml');

app.post('/books/find', (req, res) => {
  const criteria = { author: req.body.author };
  const node = xpath.select1("//book[author='" + criteria.author + "']/title", library);
  res.send(node ? node.textContent : 'none');
});
