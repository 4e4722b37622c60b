const express = require('express');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
app.use(express.json());
const library = new DOMParser().parseFromString('<library/>', 'text/xml');

app.post('/books/find', (req, res) => {
  const books = Array.from(library.getElementsByTagName('book'));
  const hit = books.find((b) => b.getElementsByTagName('author')[0]?.textContent === req.body.author);
  res.send(hit ? hit.textContent : 'none');
});
