import DOMPurify from "dompurify";

export function renderComment(container, comment) {
  // ruleid: xss/js-inner-html
  container.innerHTML = `<p class="author">${comment.author}</p><p>${comment.body}</p>`;
}

export function appendRow(table, name) {
  // ruleid: xss/js-inner-html
  table.innerHTML += "<tr><td>" + name + "</td></tr>";
}

export function showMessage(params) {
  const banner = document.getElementById("banner");
  // ruleid: xss/js-inner-html
  banner.outerHTML = params.get("msg");
}

export function renderSafely(container, comment, template) {
  // ok: xss/js-inner-html
  container.innerHTML = "";
  // ok: xss/js-inner-html
  container.innerHTML = DOMPurify.sanitize(comment.body);
  // ok: xss/js-inner-html
  container.textContent = comment.body;
  // ok: xss/js-inner-html
  container.innerHTML = template.innerHTML;
  // ok: xss/js-inner-html
  container.innerHTML = `<span class="spinner"></span>`;
}
