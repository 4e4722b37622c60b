import $ from "jquery";
import { useEffect } from "react";

export function Toast({ text }: { text: string }) {
  useEffect(() => {
    // ruleid: xss/js-jquery-html
    $("#toasts").prepend("<div class='toast'>" + text + "</div>");
    // ok: xss/js-jquery-html
    $("#toasts").prepend($("<div class='toast'>").text(text));
  }, [text]);
  return <div id="toasts" />;
}
