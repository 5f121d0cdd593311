/** What the kill-test driver writes for a sequence number, shared with the test that checks it. */

/** A token-uuid that names its sequence number, so the parent can check the decrypted value. */
export function tokenUuidFor(seq: number): string {
  return `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;
}

/** Between 0 and 6 users, each with a password that names the sequence number. */
export function usersFor(seq: number): { userName: string; enabled: boolean; password: string }[] {
  return Array.from({ length: seq % 7 }, (_, i) => ({ userName: `user${i}`, enabled: true, password: `pw-${seq}-${i}` }));
}
