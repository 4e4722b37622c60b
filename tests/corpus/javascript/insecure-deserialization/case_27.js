const express = require('express');
const funcster = require('funcster');
const app = express();
app.use(express.json());

app.post('/jobs', (req, res) => {
  const job = funcster.deepDeserialize(req.body.job);
  res.json({ scheduled: typeof job.run === 'function' });
});
