/** y-webrtc's signaling encryption (src/crypto.js, not exported by the package), so tests can read and write its payloads. */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** PBKDF2(password, salt = room name) → AES-GCM-256, exactly as y-webrtc derives a room key. */
export async function deriveRoomKey(password: string, roomName: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: new TextEncoder().encode(roomName), iterations: 100_000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  )
}

/** Encrypts a value the way y-webrtc's `publishSignalingMessage` does, returning the base64 `data` field. */
export async function encryptSignal(value: unknown, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder()
  encoding.writeAny(plain, value as Parameters<typeof encoding.writeAny>[1])
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain))
  const envelope = encoding.createEncoder()
  encoding.writeVarString(envelope, 'AES-GCM')
  encoding.writeVarUint8Array(envelope, iv)
  encoding.writeVarUint8Array(envelope, new Uint8Array(cipher))
  return Buffer.from(encoding.toUint8Array(envelope)).toString('base64')
}

/** Decrypts a publish's base64 `data` field (fails if the key or the framing differs from y-webrtc's). */
export async function decryptSignal(data: string, key: CryptoKey): Promise<unknown> {
  const envelope = decoding.createDecoder(new Uint8Array(Buffer.from(data, 'base64')))
  if (decoding.readVarString(envelope) !== 'AES-GCM') throw new Error('not AES-GCM')
  const iv = decoding.readVarUint8Array(envelope)
  const cipher = decoding.readVarUint8Array(envelope)
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher)
  return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)))
}
