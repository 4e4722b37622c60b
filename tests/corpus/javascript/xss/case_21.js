const express = require('express');
const app = express();

app.post('/feedback', express.urlencoded({ extended: true }), (req, res) => {
  const rows = new Map([['Email', req.body.email], ['Comment', req.body.comment]]);
  let html = '<table>';
  for (const [k, v] of rows) html += `<tr><th>${k}</th><td>${v}</td></tr>`;
  res.send(html + '</table>');
});
