import express from 'express';
import axios from 'axios';

const app = express();
const github = axios.create({ baseURL: 'https://api.github.com' });

app.get('/repos/:owner/:name', async (req, res) => {
  const owner = encodeURIComponent(req.params.owner);
  const name = encodeURIComponent(req.params.name);
  res.json((await github.get(`/repos/${owner}/${name}`)).data);
});
