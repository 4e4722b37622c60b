import express from 'express';
import xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = express();
const users = new DOMParser().parseFromString('<users/>', 'text/xml');

app.post('/login', express.urlencoded({ extended: false }), (req, res) => {
  const { user, pin } = req.body;
  const q = "//user[name/text()='" + user + "' and pin/text()='" + pin + "']";
  res.sendStatus(xpath.select(q, users).length ? 200 : 401);
});
