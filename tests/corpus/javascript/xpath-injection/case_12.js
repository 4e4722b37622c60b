import express from 'express';
import xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = express();
const users = new DOMParser().parseFromString('<users/>', 'text/xml');

app.post('/login', express.urlencoded({ extended: false }), (req, res) => {
  const expr = xpath.parse('//user[name/text()=$user and pin/text()=$pin]');
  const hits = expr.select({ node: users, variables: { user: req.body.user, pin: req.body.pin } });
  res.sendStatus(hits.length ? 200 : 401);
});
