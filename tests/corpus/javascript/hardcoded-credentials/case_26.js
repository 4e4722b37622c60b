const express = require('express');
const nodemailer = require('nodemailer');
const fs = require('fs');
const app = express();

const transport = nodemailer.createTransport({
  host: 'smtp.example.com',
  auth: { user: process.env.SMTP_USER, pass: fs.readFileSync('/run/secrets/smtp_password', 'utf8').trim() },
});

app.post('/notify', express.json(), async (req, res) => {
  await transport.sendMail({ to: req.body.to, subject: 'Hi', text: 'Report ready' });
  res.sendStatus(202);
});
