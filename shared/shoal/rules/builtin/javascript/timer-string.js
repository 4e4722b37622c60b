function scheduleRefresh(widgetId, delay) {
  // ruleid: code-injection/js-timer-string
  setTimeout("refreshWidget('" + widgetId + "')", delay);
}

function poll(callbackName, interval) {
  // ruleid: code-injection/js-timer-string
  return window.setInterval(`${callbackName}()`, interval);
}

function scheduleSafely(widgetId, delay) {
  // ok: code-injection/js-timer-string
  setTimeout(() => refreshWidget(widgetId), delay);
  // ok: code-injection/js-timer-string
  setTimeout(refreshWidget, delay + 100, widgetId);
  // ok: code-injection/js-timer-string
  setTimeout("refreshAll()", delay);
  // ok: code-injection/js-timer-string
  setInterval(base + offset, 1000);
}

app.get("/widgets/:id/refresh", (req, res) => {
  scheduleRefresh(req.params.id, 1000);
  poll(req.query.callback, 5000);
  scheduleSafely(req.params.id, 1000);
  res.sendStatus(202);
});

module.exports = { scheduleRefresh, poll, scheduleSafely };
