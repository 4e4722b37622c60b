import express from 'express';
import cookieSession from 'cookie-session';

const app = express();
app.use(cookieSession({
  name: 'session',
  keys: [process.env.SESSION_KEY],
  secure: false,
  httpOnly: true,
}));

app.get('/', (req, res) => res.send('ready'));
