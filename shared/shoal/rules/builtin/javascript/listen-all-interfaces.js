const express = require("express");
const http = require("http");

const app = express();
const admin = express();

// ruleid: config/js-listen-all-interfaces
app.listen(3000, "0.0.0.0", () => console.log("listening"));

// ruleid: config/js-listen-all-interfaces
admin.listen({ port: 9229, host: "::" });

// ok: config/js-listen-all-interfaces
http.createServer(app).listen(8080, "127.0.0.1");
// ok: config/js-listen-all-interfaces
admin.listen(9090, process.env.HOST || "localhost");
// ok: config/js-listen-all-interfaces
emitter.on("listen", () => console.log("0.0.0.0"));
