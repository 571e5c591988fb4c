import type { DeliveryOptions, EndpointAuth, EndpointSecret } from '../domain/records.js';
import type { SecretBox } from './secret-box.js';

// The secret fields of stored records and how both stores seal and open them (secret-box.ts), at
// their mapping boundary: an endpoint's signing secrets (current and rotated-out; HMAC `whsec_`
// secrets and Ed25519 private keys alike) each sealed on their own, and its receiver credentials
// (basic, bearer, OAuth2 client credentials) sealed as one value. The rest of Tidings sees plain
// values only. Values stored before encryption (plain text) are read as they are, and sealed on the
// next write or by `tidings rotate-encryption-key`.

const secretContext = (endpointId: string) => `endpoint:${endpointId}:signing-secret`;
const authContext = (endpointId: string) => `endpoint:${endpointId}:receiver-auth`;

/** Delivery options as stored: the receiver credentials sealed (a plain object when stored before encryption). */
export type StoredDeliveryOptions = Omit<DeliveryOptions, 'auth'> & { auth: string | EndpointAuth | null };

export function sealSecrets(box: SecretBox, endpointId: string, secrets: readonly EndpointSecret[]): EndpointSecret[] {
  return secrets.map((s) => ({ ...s, secret: box.seal(s.secret, secretContext(endpointId)) }));
}

export function openSecrets(box: SecretBox, endpointId: string, stored: readonly EndpointSecret[]): EndpointSecret[] {
  return stored.map((s) => ({ ...s, secret: box.open(s.secret, secretContext(endpointId)) }));
}

export function sealDelivery(box: SecretBox, endpointId: string, delivery: DeliveryOptions): StoredDeliveryOptions {
  return { ...delivery, auth: delivery.auth === null ? null : box.seal(JSON.stringify(delivery.auth), authContext(endpointId)) };
}

/** Partial options (older rows lack newer options; the caller adds the defaults) with their credentials opened. */
export function openDelivery<T extends { auth?: string | EndpointAuth | null }>(box: SecretBox, endpointId: string, stored: T): Omit<T, 'auth'> & { auth?: EndpointAuth | null } {
  const { auth, ...rest } = stored;
  if (typeof auth !== 'string') return stored as Omit<T, 'auth'> & { auth?: EndpointAuth | null };
  return { ...rest, auth: JSON.parse(box.open(auth, authContext(endpointId))) as EndpointAuth };
}

/** Whether an endpoint's stored secret fields should be sealed again (plain text, or sealed under an older key). */
export function endpointNeedsReseal(box: SecretBox, secrets: readonly EndpointSecret[], delivery: { auth?: string | EndpointAuth | null }): boolean {
  if (secrets.some((s) => box.needsReseal(s.secret))) return true;
  const auth = delivery.auth ?? null;
  return auth !== null && (typeof auth !== 'string' || box.needsReseal(auth));
}

/** The stored secret fields sealed again under the ring's first key. */
export function resealEndpoint<T extends { auth?: string | EndpointAuth | null }>(box: SecretBox, endpointId: string, secrets: readonly EndpointSecret[], delivery: T) {
  const opened = openDelivery(box, endpointId, delivery);
  const auth = opened.auth ?? null;
  return {
    secrets: sealSecrets(box, endpointId, openSecrets(box, endpointId, secrets)),
    delivery: { ...opened, auth: auth === null ? null : box.seal(JSON.stringify(auth), authContext(endpointId)) },
  };
}

/** Why a store cannot start: stored secrets sealed under keys the ring lacks (removed before `tidings rotate-encryption-key` ran). */
export function missingKeysMessage(missing: readonly string[]): string {
  const names = missing.map((id) => `"${id}"`).join(', ');
  return `stored secrets are encrypted with key ${names}, which the key ring (TIDINGS_ENCRYPTION_KEY, or the key file) does not have: ` +
    'put it back in the ring (after the first key) and run `tidings rotate-encryption-key` before removing it';
}
