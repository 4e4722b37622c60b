import express from 'express';
import cookieSession from 'cookie-session';

const app = express();
app.use(cookieSession({
  name: 'session',
  keys: [process.env.SESSION_KEY],
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
}));

app.get('/', (req, res) => res.send('ready'));
