const express = require('express');
const util = require('util');
const exec = util.promisify(require('child_process').exec);
const app = express();

app.get('/trace', async (req, res) => {
  const hosts = req.query.h.split(',');
  const results = [];
  for (const h of hosts) {
    results.push((await exec('traceroute ' + h)).stdout);
  }
  res.json(results);
});
