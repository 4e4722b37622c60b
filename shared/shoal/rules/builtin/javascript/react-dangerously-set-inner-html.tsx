import DOMPurify from "dompurify";

type Props = { title: string; descriptionHtml: string };

export function ProductCard({ title, descriptionHtml }: Props) {
  return (
    <div className="card">
      <h2>{title}</h2>
      {/* ruleid: xss/js-react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      {/* ruleid: xss/js-react-dangerously-set-inner-html */}
      <p dangerouslySetInnerHTML={{ __html: `<b>${title}</b>` }} />
      {/* ok: xss/js-react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(descriptionHtml) }} />
      {/* ok: xss/js-react-dangerously-set-inner-html */}
      <p>{descriptionHtml}</p>
    </div>
  );
}
