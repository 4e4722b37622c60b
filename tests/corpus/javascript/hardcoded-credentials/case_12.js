const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
const client = new MongoClient(process.env.MONGO_URL);

app.get('/events/count', async (req, res) => {
  res.json({ n: await client.db('events').collection('events').countDocuments() });
});
