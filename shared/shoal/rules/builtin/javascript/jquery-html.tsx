import $ from "jquery";
import { useEffect } from "react";

export function Toast({ text }: { text: string }) {
  useEffect(() => {
    const where = window.name;
    // ruleid: xss/js-jquery-html
    $("#toasts").prepend("<div class='toast'>" + where + "</div>");
    // ok: xss/js-jquery-html
    $("#toasts").prepend($("<div class='toast'>").text(where));
    // ok: xss/js-jquery-html
    $("#toasts").prepend("<div class='toast'>" + text + "</div>");
  }, [text]);
  return <div id="toasts" />;
}
