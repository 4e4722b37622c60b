import $ from "jquery";

export function showError(message: string): void {
  // ok: xss/js-jquery-html
  $("#error").html(`<strong>Error:</strong> ${message}`);
  // ok: xss/js-jquery-html
  $("#error").text(message);
  // ok: xss/js-jquery-html
  $("#error").addClass("visible").attr("title", message);
}

export function showReferrer(): void {
  const from: string = document.referrer;
  // ruleid: xss/js-jquery-html
  $("#from").html(`<em>from</em> ${from}`);
}
