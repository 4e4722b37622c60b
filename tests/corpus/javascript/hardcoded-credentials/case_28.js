const express = require('express');
const basicAuth = require('express-basic-auth');
const app = express();

app.use('/ops', basicAuth({ users: { ops: '0psTeam!2023' }, challenge: true }));
app.get('/ops/status', (req, res) => res.json({ up: true }));
