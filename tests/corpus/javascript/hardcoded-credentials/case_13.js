const express = require('express');
const nodemailer = require('nodemailer');
const app = express();

const transport = nodemailer.createTransport({
  host: 'smtp.example.com',
  auth: { user: 'notifications@example.com', pass: 'M4ilSend3r!' },
});

app.post('/notify', express.json(), async (req, res) => {
  await transport.sendMail({ to: req.body.to, subject: 'Hi', text: 'Report ready' });
  res.sendStatus(202);
});
