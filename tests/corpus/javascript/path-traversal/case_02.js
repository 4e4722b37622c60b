const express = require('express');
const fs = require('fs');
const app = express();

app.post('/notes/:title', express.text(), (req, res) => {
  const files = new Map();
  files.set('note', req.params.title + '.txt');
  fs.writeFile('/srv/notes/' + files.get('note'), req.body, () => res.send('saved'));
});
