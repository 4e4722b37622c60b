const express = require('express');
const https = require('https');
const app = express();

function metadataUrl(region) {
  return `https://${region}.metadata.internal/latest/info`;
}

app.get('/metadata', (req, res) => {
  https.get(metadataUrl(req.query.region), (r) => r.pipe(res));
});
