import { overlongParts } from '~/lib/overlong-words'

/** A name whose words stay whole and whose overlong runs may wrap anywhere (.overlong-run in app.css). */
export function NameText({ text }: { text: string }) {
  const parts = overlongParts(text)
  if (!parts.some((part) => part.overlong)) return <>{text}</>
  return (
    <>
      {parts.map((part, index) =>
        part.overlong ? (
          <span key={index} className="overlong-run">
            {part.text}
          </span>
        ) : (
          part.text
        )
      )}
    </>
  )
}
