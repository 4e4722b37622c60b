const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
const client = new MongoClient('mongodb://events_rw:Ev3nts-Wr1te@mongo:27017/events');

app.get('/events/count', async (req, res) => {
  res.json({ n: await client.db('events').collection('events').countDocuments() });
});
