import { escapeHtml } from "./escape";

export function renderUser(el: HTMLElement, user: { name: string; bio: string }): void {
  // ruleid: xss/js-inner-html
  el.innerHTML = "<h2>" + user.name + "</h2>" + user.bio;
}

export function renderQuery(el: HTMLElement): void {
  const q: string = new URLSearchParams(location.search).get("q") ?? "";
  // ruleid: xss/js-inner-html
  (el.querySelector(".results") as HTMLElement).innerHTML = `No results for ${q}`;
}

export function renderSafely(el: HTMLElement, user: { name: string }): void {
  // ok: xss/js-inner-html
  el.innerHTML = escapeHtml(user.name);
  // ok: xss/js-inner-html
  el.innerText = user.name;
  // ok: xss/js-inner-html
  el.innerHTML = "<em>loading…</em>";
}
