import { generateKeyRing, type KeyRing } from '../../src/store/secret-box.js';

/** A key ring for stores opened by tests (MongoDB requires one; the embedded store otherwise keeps a key file). */
export const TEST_KEY_RING: KeyRing = generateKeyRing('test1');
