function addNotification(list, notification) {
  // ruleid: xss/js-insert-adjacent-html
  list.insertAdjacentHTML("beforeend", `<li>${notification.text}</li>`);
}

function addChatMessage(log, message) {
  // ruleid: xss/js-insert-adjacent-html
  log.insertAdjacentHTML("afterbegin", "<p><b>" + message.user + "</b>: " + message.body + "</p>");
}

function addSafely(list, notification) {
  // ok: xss/js-insert-adjacent-html
  list.insertAdjacentHTML("beforeend", "<li class='divider'></li>");
  // ok: xss/js-insert-adjacent-html
  list.insertAdjacentText("beforeend", notification.text);
  // ok: xss/js-insert-adjacent-html
  list.insertAdjacentHTML("beforeend", DOMPurify.sanitize(notification.html));
}
