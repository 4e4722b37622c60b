import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({
  secret: 'keyboard-cat-production-2024',
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true },
}));

app.get('/', (req, res) => res.send('hi'));
