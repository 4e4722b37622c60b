import { createElement, ReactElement } from "react";
import sanitizeHtml from "sanitize-html";

export function renderSnippet(snippet: { html: string }): ReactElement {
  // ruleid: xss/js-react-dangerously-set-inner-html
  return createElement("div", { dangerouslySetInnerHTML: { __html: snippet.html } });
}

export function renderClean(snippet: { html: string }): ReactElement {
  // ok: xss/js-react-dangerously-set-inner-html
  return createElement("div", { dangerouslySetInnerHTML: { __html: sanitizeHtml(snippet.html) } });
}

export function renderIcon(): ReactElement {
  // ok: xss/js-react-dangerously-set-inner-html
  return createElement("span", { dangerouslySetInnerHTML: { __html: `<svg viewBox="0 0 8 8"></svg>` } });
}
