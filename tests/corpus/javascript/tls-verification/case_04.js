const express = require('express');
const { Pool } = require('pg');
const fs = require('fs');
const app = express();
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { rejectUnauthorized: true, ca: fs.readFileSync('/etc/app/rds-ca.pem', 'utf8') },
});

app.get('/reports', async (req, res) => {
  res.json((await pool.query('SELECT id FROM reports')).rows);
});
