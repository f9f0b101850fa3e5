/** A live, muted video of a MediaStream (srcObject is a property, not an attribute, so it is set by effect). */
import { createEffect } from 'solid-js'

/** Props: the stream, its accessible name, and optional handlers. */
export function ScreenVideo(props: { stream: MediaStream; label: string; class: string; onDblClick?: () => void; ref?: (video: HTMLVideoElement) => void }) {
  let video: HTMLVideoElement | undefined
  createEffect(() => {
    if (video && video.srcObject !== props.stream) video.srcObject = props.stream
  })
  return (
    <video
      ref={(el) => {
        video = el
        props.ref?.(el)
      }}
      class={props.class}
      aria-label={props.label}
      autoplay
      muted
      playsinline
      onDblClick={() => props.onDblClick?.()}
    />
  )
}
