const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const Ajv = require('ajv');
const app = new Koa();
const ajv = new Ajv();
const validate = ajv.compile({ type: 'object', properties: { user: { type: 'string' } }, required: ['user'], additionalProperties: false });
app.use(bodyParser());

app.use(async (ctx) => {
  const session = ctx.request.body.session;
  if (!validate(session)) {
    ctx.status = 400;
    return;
  }
  ctx.body = { user: session.user };
});
