/**
 * Waiting for the browser to paint what is on screen before heavy work (the
 * second document of a big session, a full scan): resolves in a task after the
 * next animation frame. A hidden page gets no frames, so there it waits one task.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const visible = typeof document !== 'undefined' && document.visibilityState === 'visible'
    if (visible && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0))
    else setTimeout(resolve, 0)
  })
}
