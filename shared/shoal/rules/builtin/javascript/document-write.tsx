import React from "react";

export function PrintButton({ body }: { body: string }) {
  const print = () => {
    const frame = document.getElementById("print-frame") as HTMLIFrameElement;
    // ruleid: xss/js-document-write
    frame.contentWindow!.document.write(body);
    // ok: xss/js-document-write
    frame.contentWindow!.document.write("<style>@page { margin: 0 }</style>");
  };
  return <button onClick={print}>Print</button>;
}
