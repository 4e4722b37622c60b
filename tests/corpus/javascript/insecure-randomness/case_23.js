import express from 'express';
const app = express();

const otp = () => 100000 + Math.floor(Math.random() * 900000);

app.post('/otp', (req, res) => {
  req.session.otp = otp();
  res.sendStatus(202);
});
