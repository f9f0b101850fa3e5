/**
 * Who a connection comes from, for per-address limits: the socket's peer, or
 * the `X-Forwarded-For` hop a trusted reverse proxy appended — and only then,
 * since anyone else can write that header. Addresses are grouped the way
 * they are handed out: one IPv4 address, or one IPv6 /64 (a single host
 * usually holds a whole /64, so counting single IPv6 addresses limits nothing).
 */
import type { IncomingMessage } from 'node:http'
import { BlockList, isIP } from 'node:net'
import { ConfigError } from './runtimeConfig.ts'

/** Reverse proxies whose `X-Forwarded-For` is believed; empty believes nobody. */
export interface TrustedProxies {
  has(address: string): boolean
}

/** Trusts nobody: `X-Forwarded-For` is ignored. */
export const NO_TRUSTED_PROXIES: TrustedProxies = { has: () => false }

/** Parses `TRUSTED_PROXIES`: comma-separated addresses or CIDR blocks (`10.0.0.0/8`, `fd00::/8`); throws `ConfigError`. */
export function parseTrustedProxies(raw: string | undefined, name = 'TRUSTED_PROXIES'): TrustedProxies {
  const entries = (raw ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '')
  if (entries.length === 0) return NO_TRUSTED_PROXIES
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/')
    const family = isIP(address)
    const prefix = bits === undefined ? undefined : Number(bits)
    const maxBits = family === 6 ? 128 : 32
    if (family === 0 || extra !== undefined || (prefix !== undefined && (!/^\d+$/.test(bits ?? '') || prefix > maxBits))) {
      throw new ConfigError(`${name}: "${entry}" is not an IP address or CIDR block (e.g. 127.0.0.1, 10.0.0.0/8, ::1)`)
    }
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, prefix, type)
  }
  return {
    has(address) {
      const plain = unmapIpv4(address)
      const family = isIP(plain)
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
    },
  }
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy;
 * then the rightmost `X-Forwarded-For` hop that is not itself a trusted proxy
 * (hops further left were written by whoever the proxy talked to, so they can lie).
 */
export function clientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  const peer = unmapIpv4(req.socket.remoteAddress ?? 'unknown')
  const header = req.headers['x-forwarded-for']
  if (!trusted.has(peer) || header === undefined) return peer
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',').map((hop) => unmapIpv4(hop.trim()))
  let client = peer
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? ''
    // A hop that is not an address is a proxy misconfiguration: stay with the last address we could vouch for.
    if (isIP(hop) === 0) break
    client = hop
    if (!trusted.has(hop)) break
  }
  return client
}

/** The key per-address limits count under: an IPv4 address as is, an IPv6 address as its /64. */
export function addressKey(address: string): string {
  const plain = unmapIpv4(address)
  if (isIP(plain) !== 6) return plain
  return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`
}

/** `::ffff:192.0.2.1` (how a dual-stack socket reports an IPv4 peer) → `192.0.2.1`. */
function unmapIpv4(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return match?.[1] ?? address
}

/** The 8 groups of an IPv6 address, lower case without leading zeros (`2001:db8::1` → 2001,db8,0,…,1). */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('%', 1)[0]!.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  // An embedded IPv4 tail (`::1.2.3.4`) is two groups; only the first four groups matter here, so count it as such.
  const groups = (list: string[]): number => list.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0)
  const missing = tail === undefined ? 0 : 8 - groups(left) - groups(right)
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => (group.includes('.') ? group : String(parseInt(group, 16).toString(16))))
}
