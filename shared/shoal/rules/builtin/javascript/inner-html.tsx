import { useEffect, useRef } from "react";

export function Preview({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) {
      // ruleid: xss/js-inner-html
      ref.current.innerHTML = html;
      // ok: xss/js-inner-html
      ref.current.title = title;
    }
  }, [html, title]);
  return <div ref={ref} />;
}

export function clear(node: HTMLElement): void {
  // ok: xss/js-inner-html
  node.innerHTML = ``;
}
