/** The DevTools CPU profile the by-hand profiles read (sendProfile.ts, dispatchProfile.ts, sendStages.ts), and its index. */

export interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** A profile's nodes by id, each node's parent, and a node's label (`name file:line`, the same function wherever it is called). */
export function indexProfile(profile: CpuProfile): { byId: Map<number, ProfileNode>; parent: Map<number, number>; label: (id: number) => string } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const label = (id: number): string => {
    const frame = byId.get(id)!.callFrame
    const file = frame.url.split('/').at(-1) ?? ''
    return `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`
  }
  return { byId, parent, label }
}
