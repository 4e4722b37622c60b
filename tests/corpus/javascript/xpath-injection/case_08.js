const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();
const orders = new DOMParser().parseFromString('<orders/>', 'text/xml');

app.get('/orders/count', (req, res) => {
  const customer = req.cookies.customer;
  const count = xpath.evaluate(`count(//order[@customer='${customer}'])`, orders, null, xpath.XPathResult.NUMBER_TYPE, null);
  res.json({ count: count.numberValue });
});
