const express = require('express');
const app = express();
const cookieOptions = { secure: false, httpOnly: true, sameSite: 'strict' };

app.post('/admin/impersonate', express.json(), (req, res) => {
  res.cookie('admin_token', req.body.token, cookieOptions);
  res.sendStatus(204);
});
