const express = require('express');
const serializer = require('node-serialize');
const app = express();

function restore(text) {
  return serializer.unserialize(text);
}

app.post('/drafts/resume', express.urlencoded({ extended: false }), (req, res) => {
  const draft = restore(req.body.draft);
  res.send('resumed ' + draft.title);
});
