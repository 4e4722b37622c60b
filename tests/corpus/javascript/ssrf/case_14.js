const express = require('express');
const http = require('http');
const app = express();
const SERVICES = { billing: 'http://billing.svc.cluster.local/health', search: 'http://search.svc.cluster.local/health' };

app.get('/status/check', (req, res) => {
  const url = SERVICES[req.query.service];
  if (!url) return res.status(404).end();
  http.get(url, (r) => res.sendStatus(r.statusCode));
});
