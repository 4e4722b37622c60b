import express from 'express';
const app = express();

app.post('/hooks', express.json(), (req, res) => {
  const payload = req.body;
  const handler = new Function('payload', 'return payload.event + ":" + payload.id;');
  res.send(handler(payload));
});

export default app;
