export function appendCard(grid: Element, card: { title: string; html: string }): void {
  // ruleid: xss/js-insert-adjacent-html
  grid.insertAdjacentHTML("beforeend", card.html);
  // ok: xss/js-insert-adjacent-html
  grid.insertAdjacentHTML("beforeend", `<hr class="sep">`);
  const h = document.createElement("h3");
  h.textContent = card.title;
  // ok: xss/js-insert-adjacent-html
  grid.insertAdjacentElement("beforeend", h);
}
