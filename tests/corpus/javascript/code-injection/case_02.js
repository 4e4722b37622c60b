const express = require('express');
const app = express();

function notify(action) {
  console.log('notify', action);
}

app.get('/schedule', (req, res) => {
  const action = req.query.action;
  setTimeout(() => notify(action), 1000);
  res.send('scheduled');
});
