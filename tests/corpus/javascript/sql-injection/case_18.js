const Koa = require('koa');
const Router = require('@koa/router');
const mysql = require('mysql');
const pool = mysql.createPool({ host: 'db' });

const router = new Router();
router.get('/stock/:sku', async (ctx) => {
  ctx.body = await new Promise((resolve) =>
    pool.query('SELECT qty FROM stock WHERE sku = ?', [ctx.params.sku], (e, rows) => resolve(rows)));
});

new Koa().use(router.routes()).listen(3000);
