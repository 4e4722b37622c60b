const express = require('express');
const xml2js = require('xml2js');
const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/orders/xml', (req, res) => {
  xml2js.parseString(req.body, { explicitArray: false }, (err, doc) => {
    if (err) return res.status(400).send('invalid XML');
    res.send(doc.order.id);
  });
});
