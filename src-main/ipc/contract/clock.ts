/** How far a server's clock is from this machine's: several GetServerTime round trips, the best one kept. */
import { z } from 'zod';
import { int, request } from './define.js';
import { loginTarget, tlsTarget } from './login.js';

const measurement = z.strictObject({ offsetMs: z.number(), roundTripMs: z.number() });

export const clockRequests = {
  'clock.probe': request(
    z.strictObject({ target: loginTarget, tls: tlsTarget.optional(), samples: int(1, 32).default(8) }),
    z.strictObject({
      /** server clock − ours, ms, from the sample with the lowest round trip */
      offsetMs: z.number(),
      roundTripMs: z.number(),
      samples: z.array(measurement),
      /** the server's clock (Unix ms) in that sample */
      serverTime: z.number(),
    }),
    "measure the server's clock offset and round trip",
  ),
} as const;
