import $ from "jquery";

export function showError(message: string): void {
  // ruleid: xss/js-jquery-html
  $("#error").html(`<strong>Error:</strong> ${message}`);
  // ok: xss/js-jquery-html
  $("#error").text(message);
  // ok: xss/js-jquery-html
  $("#error").addClass("visible").attr("title", message);
}
