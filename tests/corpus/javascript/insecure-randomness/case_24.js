const express = require('express');
const app = express();
const TIPS = ['Use keyboard shortcuts', 'Pin your favourite boards', 'Try dark mode'];

app.get('/tips/random', (req, res) => {
  res.json({ tip: TIPS[Math.floor(Math.random() * TIPS.length)] });
});
