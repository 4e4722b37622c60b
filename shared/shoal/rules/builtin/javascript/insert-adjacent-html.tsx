import { useLayoutEffect, useRef } from "react";

export function Footer({ legalHtml }: { legalHtml: string }) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // ruleid: xss/js-insert-adjacent-html
    ref.current?.insertAdjacentHTML("beforeend", legalHtml);
    // ok: xss/js-insert-adjacent-html
    ref.current?.insertAdjacentHTML("afterbegin", "<span>©</span>");
  }, [legalHtml]);
  return <footer ref={ref} />;
}
