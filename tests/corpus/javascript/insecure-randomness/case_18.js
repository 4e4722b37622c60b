const express = require('express');
const app = express();

app.get('/quiz/questions', (req, res) => {
  const q = ['q1', 'q2', 'q3', 'q4', 'q5'];
  for (let i = q.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [q[i], q[j]] = [q[j], q[i]];
  }
  res.json(q);
});
