import React from "react";
import DOMPurify from "dompurify";
import { marked } from "marked";

export function Comment({ comment }) {
  return (
    <div
      className="comment"
      // ruleid: xss/js-react-dangerously-set-inner-html
      dangerouslySetInnerHTML={{ __html: comment.body }}
    />
  );
}

export function Markdown({ source }) {
  // ruleid: xss/js-react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: marked(source) }} />;
}

export function Legacy({ html }) {
  return React.createElement("section", {
    // ruleid: xss/js-react-dangerously-set-inner-html
    dangerouslySetInnerHTML: { __html: html },
  });
}

export function Safe({ comment }) {
  return (
    <>
      {/* ok: xss/js-react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />
      {/* ok: xss/js-react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: "&nbsp;" }} />
      {/* ok: xss/js-react-dangerously-set-inner-html */}
      <div>{comment.body}</div>
    </>
  );
}
