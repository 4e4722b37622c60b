const express = require('express');
const crypto = require('crypto');
const app = express();
const cookieOptions = { secure: true, httpOnly: true, sameSite: 'strict' };

app.post('/admin/impersonate', (req, res) => {
  res.cookie('admin_token', crypto.randomUUID(), cookieOptions);
  res.sendStatus(204);
});
