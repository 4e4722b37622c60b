const express = require('express');
const app = express();

function buildCommand(params) {
  return 'git clone ' + params.get('repo') + ' /srv/repos/tmp';
}

app.post('/clone', express.urlencoded({ extended: false }), (req, res) => {
  const params = new Map(Object.entries(req.body));
  require('child_process').exec(buildCommand(params));
  res.status(202).end();
});
