import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/wizard', express.json(), (req, res) => {
  const seats = parseInt(req.body.seats, 10);
  if (!Number.isInteger(seats) || seats < 1 || seats > 500) return res.status(400).send('seats must be 1-500');
  req.session.seats = seats;
  res.redirect('/wizard/2');
});
